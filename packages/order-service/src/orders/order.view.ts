import type { OrderItem } from './order-item.entity.js';
import type { Order } from './order.entity.js';
import type { OrderLineView, OrderView } from './orders.dto.js';

export const toLineView = (item: Pick<OrderItem, 'productId' | 'quantity' | 'unitPriceCents'>, productName: string): OrderLineView => ({
  productId: item.productId,
  productName,
  quantity: item.quantity,
  unitPriceCents: item.unitPriceCents,
  lineTotalCents: item.unitPriceCents * item.quantity,
});

export const toOrderView = (order: Order, items: OrderLineView[]): OrderView => ({
  id: order.id,
  customerId: order.customerId,
  status: order.status,
  couponCode: order.couponCode,
  subtotalCents: order.subtotalCents,
  discountCents: order.discountCents,
  shippingCents: order.shippingCents,
  totalCents: order.totalCents,
  createdAt: order.createdAt.toISOString(),
  items,
});
