import type pg from 'pg';
import { PRODUCT_COLUMNS, toProduct, type ProductRow } from './product.table.js';
import type { Product } from './product.types.js';

export interface ProductRepository {
  findById(id: number): Promise<Product | undefined>;
}

export class PgProductRepository implements ProductRepository {
  constructor(private readonly pool: pg.Pool) {}

  async findById(id: number): Promise<Product | undefined> {
    const { rows } = await this.pool.query<ProductRow>(`SELECT ${PRODUCT_COLUMNS} FROM products WHERE id = $1`, [id]);
    return rows[0] && toProduct(rows[0]);
  }
}
