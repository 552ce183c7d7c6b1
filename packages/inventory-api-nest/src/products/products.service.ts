import { Injectable } from '@nestjs/common';
import { notFound } from '../common/problem.js';
import type { Product } from './product.js';
import { ProductRepository } from './product.repository.js';

@Injectable()
export class ProductsService {
  constructor(private readonly products: ProductRepository) {}

  async get(id: number): Promise<Product> {
    const product = await this.products.findById(id);
    if (!product) throw notFound(id);
    return product;
  }
}
