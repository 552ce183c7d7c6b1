import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { QueryFailedError, Repository } from 'typeorm';
import { conflict, notFound } from '../common/errors.js';
import { Product } from './product.entity.js';
import { CreateProductDto, ProductView, UpdateProductDto } from './products.dto.js';

const UNIQUE_VIOLATION = '23505';

export const toProductView = (p: Product): ProductView => ({
  id: p.id,
  sku: p.sku,
  name: p.name,
  priceCents: p.priceCents,
  stock: p.stock,
});

@Injectable()
export class ProductsService {
  constructor(@InjectRepository(Product) private readonly products: Repository<Product>) {}

  async list(limit: number, offset: number): Promise<ProductView[]> {
    const rows = await this.products.find({ order: { id: 'ASC' }, take: limit, skip: offset });
    return rows.map(toProductView);
  }

  async get(id: number): Promise<ProductView> {
    const product = await this.products.findOneBy({ id });
    if (!product) throw notFound('product', id);
    return toProductView(product);
  }

  async create(dto: CreateProductDto): Promise<ProductView> {
    try {
      const saved = await this.products.save(this.products.create(dto));
      return toProductView(saved);
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === UNIQUE_VIOLATION) {
        throw conflict(`a product with sku ${dto.sku} already exists`);
      }
      throw error;
    }
  }

  async update(id: number, dto: UpdateProductDto): Promise<ProductView> {
    const product = await this.products.findOneBy({ id });
    if (!product) throw notFound('product', id);
    Object.assign(product, dto);
    return toProductView(await this.products.save(product));
  }
}
