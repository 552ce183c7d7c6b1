// Shared set-up for the order-service probes and checks: everything goes through the public HTTP API.
import type { Endpoint } from '@faultline/kit';

export interface ProductView {
  id: number;
  sku: string;
  name: string;
  priceCents: number;
  stock: number;
}

export interface OrderView {
  id: number;
  customerId: number;
  couponCode: string | null;
  subtotalCents: number;
  discountCents: number;
  shippingCents: number;
  totalCents: number;
  items: Array<{ productId: number; productName: string; quantity: number; unitPriceCents: number; lineTotalCents: number }>;
}

export const unique = (): string => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

export async function createProduct(api: Endpoint, priceCents: number, stock: number, label = 'Probe item'): Promise<ProductView> {
  const tag = unique();
  return api.expect<ProductView>(201, 'POST', '/products', { body: { sku: `PRB-${tag}`, name: `${label} ${tag}`, priceCents, stock } });
}

export async function createCustomer(api: Endpoint): Promise<{ id: number }> {
  const tag = unique();
  return api.expect<{ id: number }>(201, 'POST', '/customers', { body: { name: `Probe ${tag}`, email: `probe-${tag}@example.test` } });
}

export async function placeOrder(
  api: Endpoint,
  customerId: number,
  items: Array<{ productId: number; quantity: number }>,
  couponCode?: string,
): Promise<OrderView> {
  return api.expect<OrderView>(201, 'POST', '/orders', { body: { customerId, items, ...(couponCode ? { couponCode } : {}) } });
}

export const euros = (cents: number): string => (cents / 100).toFixed(2);
