import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'coupons' })
export class Coupon {
  @PrimaryColumn({ type: 'text' })
  code: string;

  @Column({ name: 'percent_off', type: 'integer' })
  percentOff: number;

  @Column({ name: 'min_subtotal_cents', type: 'integer', default: 0 })
  minSubtotalCents: number;

  @Column({ type: 'boolean', default: true })
  active: boolean;
}
