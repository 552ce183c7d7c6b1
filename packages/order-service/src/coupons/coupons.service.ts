import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { unknownCoupon } from '../common/errors.js';
import { Coupon } from './coupon.entity.js';

@Injectable()
export class CouponsService {
  constructor(@InjectRepository(Coupon) private readonly coupons: Repository<Coupon>) {}

  /** Codes are case-insensitive for shoppers and stored upper-case. */
  async findActive(code: string): Promise<Coupon> {
    const coupon = await this.coupons.findOneBy({ code: code.trim().toUpperCase(), active: true });
    if (!coupon) throw unknownCoupon(code);
    return coupon;
  }
}
