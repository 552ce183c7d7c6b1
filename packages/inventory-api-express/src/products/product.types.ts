/** A product as the API shows it (openapi.yaml, components/schemas/Product). */
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
