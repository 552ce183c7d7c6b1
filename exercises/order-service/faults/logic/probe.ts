// Places orders whose totals depend on the order of the pricing steps (EXPECTED_BEHAVIOUR.md,
// rules 3–4: the free-shipping line is judged on the subtotal after the coupon) and counts the
// orders whose charged total differs from the rule.
import type { Probe } from '@faultline/kit';
import { createCustomer, createProduct, euros, placeOrder } from '../../shop.js';

interface Case {
  priceCents: number;
  quantity: number;
  coupon: string;
  expected: { discountCents: number; shippingCents: number; totalCents: number };
}

// The first three sit where the order of the steps matters; the last three pin the line itself
// (exactly 50.00 after the coupon ships free, 49.98 does not), so moving the threshold is caught too.
const CASES: Case[] = [
  { priceCents: 2600, quantity: 2, coupon: 'WELCOME10', expected: { discountCents: 520, shippingCents: 499, totalCents: 5179 } },
  { priceCents: 5500, quantity: 1, coupon: 'WELCOME10', expected: { discountCents: 550, shippingCents: 499, totalCents: 5449 } },
  { priceCents: 1800, quantity: 3, coupon: 'SPRING15', expected: { discountCents: 810, shippingCents: 499, totalCents: 5089 } },
  { priceCents: 2500, quantity: 2, coupon: '', expected: { discountCents: 0, shippingCents: 0, totalCents: 5000 } },
  { priceCents: 5556, quantity: 1, coupon: 'WELCOME10', expected: { discountCents: 556, shippingCents: 0, totalCents: 5000 } },
  { priceCents: 4999, quantity: 1, coupon: 'WELCOME10', expected: { discountCents: 500, shippingCents: 499, totalCents: 4998 } },
];

const probe: Probe = {
  metric: { name: 'wrong totals', unit: `of ${CASES.length} orders`, threshold: 1 },
  async run({ primary }) {
    const customer = await createCustomer(primary);
    const wrong: string[] = [];
    for (const c of CASES) {
      const product = await createProduct(primary, c.priceCents, 10);
      const order = await placeOrder(primary, customer.id, [{ productId: product.id, quantity: c.quantity }], c.coupon || undefined);
      const got = { discountCents: order.discountCents, shippingCents: order.shippingCents, totalCents: order.totalCents };
      if (got.totalCents !== c.expected.totalCents || got.shippingCents !== c.expected.shippingCents || got.discountCents !== c.expected.discountCents) {
        wrong.push(
          `${c.quantity} × ${euros(c.priceCents)} ${c.coupon ? `with ${c.coupon}` : 'without coupon'}: expected total ${euros(c.expected.totalCents)} (shipping ${euros(c.expected.shippingCents)}), got ${euros(got.totalCents)} (shipping ${euros(got.shippingCents)})`,
        );
      }
    }
    return {
      value: wrong.length,
      evidence: wrong.length ? wrong.join('; ') : `all ${CASES.length} orders near the free-shipping line charged as the rules say`,
    };
  },
};

export default probe;
