// Rounds of two checkouts for the last unit of a product, one sent to each of two instances of the
// service at the same moment (two instances, as in production: an in-process lock cannot help).
// The fault is the excess: units sold beyond the stock.
import type { Probe } from '@faultline/kit';
import { createCustomer, createProduct } from '../../shop.js';

const ROUNDS = 20;

const probe: Probe = {
  metric: { name: 'units oversold', unit: `in ${ROUNDS} rounds`, threshold: 1 },
  instances: 2,
  async run({ instances, simultaneously }) {
    const [a, b] = instances;
    if (!a || !b) throw new Error('the race probe needs two instances');
    const customer = await createCustomer(a);
    await Promise.all([a.get('/health'), b.get('/health')]);
    let excess = 0;
    let roundsOversold = 0;
    const perRound: Array<[number, number]> = [];
    for (let round = 0; round < ROUNDS; round++) {
      const product = await createProduct(a, 1999, 1, 'Last unit');
      const body = { customerId: customer.id, items: [{ productId: product.id, quantity: 1 }] };
      const responses = await simultaneously([() => a.post('/orders', body), () => b.post('/orders', body)]);
      const sold = responses.filter((r) => r.status === 201).length;
      const refused = responses.filter((r) => r.status === 409).length;
      if (sold + refused !== responses.length || sold === 0) {
        throw new Error(`round ${round + 1}: checkout of the last unit answered ${responses.map((r) => r.status).join(' and ')}; expected one 201 and at most one 409`);
      }
      excess += sold - 1;
      if (sold > 1) roundsOversold++;
      perRound.push([round + 1, sold - 1]);
    }
    return {
      value: excess,
      evidence: `${ROUNDS} rounds of 2 simultaneous checkouts (one per instance) for a product with 1 unit in stock: ${roundsOversold} round(s) sold it twice`,
      series: { oversold: perRound },
    };
  },
};

export default probe;
