import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Customer } from '../customers/customer.entity.js';
import type { OrderItem } from './order-item.entity.js';

export type OrderStatus = 'placed' | 'cancelled';

@Entity({ name: 'orders' })
@Index('orders_customer_id_created_at_idx', ['customerId', 'createdAt'])
export class Order {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'customer_id', type: 'integer' })
  customerId: number;

  @ManyToOne(() => Customer, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'customer_id' })
  customer: Relation<Customer>;

  @Column({ type: 'text', default: 'placed' })
  status: OrderStatus;

  @Column({ name: 'coupon_code', type: 'text', nullable: true })
  couponCode: string | null;

  @Column({ name: 'subtotal_cents', type: 'integer' })
  subtotalCents: number;

  @Column({ name: 'discount_cents', type: 'integer' })
  discountCents: number;

  @Column({ name: 'shipping_cents', type: 'integer' })
  shippingCents: number;

  @Column({ name: 'total_cents', type: 'integer' })
  totalCents: number;

  @OneToMany('OrderItem', 'order', { cascade: ['insert'] })
  items: Relation<OrderItem>[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
