/** A product as the API shows it (the spec's `Product`). */
export interface Product {
  id: number;
  sku: string;
  name: string;
  description: string | null;
  priceCents: number;
  stock: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

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

/** The ETag of a product: its version as a strong entity tag. */
export const etagOf = (product: Pick<Product, 'version'>): string => `"${product.version}"`;
