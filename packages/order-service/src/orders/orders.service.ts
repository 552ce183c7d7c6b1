import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { notFound } from '../common/errors.js';
import { CustomersService } from '../customers/customers.service.js';
import { Product } from '../products/product.entity.js';
import { OrderItem } from './order-item.entity.js';
import { Order } from './order.entity.js';
import { toLineView, toOrderView } from './order.view.js';
import { OrderLineView, OrderView } from './orders.dto.js';

@Injectable()
export class OrdersService {
  constructor(
    @InjectRepository(Order) private readonly orders: Repository<Order>,
    @InjectRepository(OrderItem) private readonly items: Repository<OrderItem>,
    @InjectRepository(Product) private readonly products: Repository<Product>,
    private readonly customers: CustomersService,
  ) {}

  async get(id: number): Promise<OrderView> {
    const order = await this.orders.findOne({
      where: { id },
      relations: { items: { product: true } },
      order: { items: { id: 'ASC' } },
    });
    if (!order) throw notFound('order', id);
    return toOrderView(order, order.items.map((item) => toLineView(item, item.product.name)));
  }

  /** A customer's orders, newest first, each with its lines and product names. */
  async listForCustomer(customerId: number, limit: number, offset: number): Promise<OrderView[]> {
    await this.customers.get(customerId);
    const orders = await this.orders.find({
      where: { customerId },
      order: { createdAt: 'DESC', id: 'DESC' },
      take: limit,
      skip: offset,
    });
    const views: OrderView[] = [];
    for (const order of orders) {
      const items = await this.items.find({ where: { orderId: order.id }, order: { id: 'ASC' } });
      const lines: OrderLineView[] = [];
      for (const item of items) {
        const product = await this.products.findOneBy({ id: item.productId });
        lines.push(toLineView(item, product?.name ?? ''));
      }
      views.push(toOrderView(order, lines));
    }
    return views;
  }
}
