import { describe, expect, it } from '@jest/globals';
import { priceOrder } from './pricing.js';

describe('priceOrder', () => {
  it('When the basket is under the free-shipping line, then the shipping fee is added', () => {
    const quote = priceOrder([{ unitPriceCents: 1500, quantity: 2 }]);
    expect(quote).toEqual({ subtotalCents: 3000, discountCents: 0, shippingCents: 499, totalCents: 3499 });
  });

  it('When the basket reaches 50.00 without a coupon, then shipping is free', () => {
    const quote = priceOrder([{ unitPriceCents: 2500, quantity: 2 }]);
    expect(quote).toEqual({ subtotalCents: 5000, discountCents: 0, shippingCents: 0, totalCents: 5000 });
  });

  it('When a coupon has a minimum the basket does not reach, then no discount is given', () => {
    const quote = priceOrder([{ unitPriceCents: 1000, quantity: 3 }], { percentOff: 15, minSubtotalCents: 4000 });
    expect(quote.discountCents).toBe(0);
    expect(quote.totalCents).toBe(3499);
  });

  it('When a percentage coupon applies, then the discount is rounded to the nearest cent', () => {
    const quote = priceOrder([{ unitPriceCents: 10_005, quantity: 1 }], { percentOff: 10, minSubtotalCents: 0 });
    expect(quote.discountCents).toBe(1001);
    expect(quote.totalCents).toBe(9004);
  });
});
