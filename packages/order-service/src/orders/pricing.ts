/** Shop pricing rules; see EXPECTED_BEHAVIOUR.md for the worked examples. All amounts in cents. */
export const SHIPPING_FEE_CENTS = 499;
export const FREE_SHIPPING_FROM_CENTS = 5000;

export interface PricedLine {
  unitPriceCents: number;
  quantity: number;
}

export interface CouponTerms {
  percentOff: number;
  minSubtotalCents: number;
}

export interface Quote {
  subtotalCents: number;
  discountCents: number;
  shippingCents: number;
  totalCents: number;
}

export function priceOrder(lines: readonly PricedLine[], coupon?: CouponTerms): Quote {
  const subtotalCents = lines.reduce((sum, line) => sum + line.unitPriceCents * line.quantity, 0);
  const shippingCents = subtotalCents >= FREE_SHIPPING_FROM_CENTS ? 0 : SHIPPING_FEE_CENTS;
  const discountCents =
    coupon && subtotalCents >= coupon.minSubtotalCents ? Math.round((subtotalCents * coupon.percentOff) / 100) : 0;
  return {
    subtotalCents,
    discountCents,
    shippingCents,
    totalCents: subtotalCents - discountCents + shippingCents,
  };
}
