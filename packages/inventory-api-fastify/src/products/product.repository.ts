import type { Queryable } from '../db/pool.js';
import { PRODUCT_COLUMNS, type Product, type ProductRow, toProduct } from './product.js';

export class ProductRepository {
  constructor(private readonly db: Queryable) {}

  async findById(id: number): Promise<Product | undefined> {
    const result = await this.db.query<ProductRow>(`SELECT ${PRODUCT_COLUMNS} FROM products WHERE id = $1`, [id]);
    const row = result.rows[0];
    return row ? toProduct(row) : undefined;
  }
}
