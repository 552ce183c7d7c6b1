import { Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import { PG_POOL } from '../database/database.module.js';
import { PRODUCT_COLUMNS, type Product, type ProductRow, toProduct } from './product.js';

/** SQL for products; every statement is parameterised. */
@Injectable()
export class ProductRepository {
  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}

  async findById(id: number): Promise<Product | undefined> {
    const { rows } = await this.pool.query<ProductRow>(`SELECT ${PRODUCT_COLUMNS} FROM products WHERE id = $1`, [id]);
    return rows[0] && toProduct(rows[0]);
  }
}
