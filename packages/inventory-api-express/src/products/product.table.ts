// The products table and its mapping to the API representation.
import type { Product } from './product.types.js';

export interface ProductRow {
  id: number;
  sku: string;
  name: string;
  description: string | null;
  price_cents: number;
  stock: number;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export const PRODUCT_COLUMNS = 'id, sku, name, description, price_cents, stock, version, created_at, updated_at';

export function toProduct(row: ProductRow): Product {
  return {
    id: row.id,
    sku: row.sku,
    name: row.name,
    description: row.description,
    priceCents: row.price_cents,
    stock: row.stock,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
