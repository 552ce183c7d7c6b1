// Visible: field-level validation problems (R32, R33, R37, R38, R39).
import type { FunctionalCheck } from '@faultline/kit';
import { Api } from './client.js';
import { expectValidation } from './expect.js';

const checks: FunctionalCheck[] = [
  {
    name: 'When POST /products has several invalid fields, then it answers 400 validation naming each of them',
    category: 'validation',
    async run(ctx) {
      const api = new Api(ctx);
      const answer = await api.editor('POST', '/products', { body: { sku: 'mug-1', name: 'Mug', priceCents: 12.5, colour: 'blue' } });
      expectValidation(answer, ['/sku', '/priceCents', '/colour']);
      expectValidation(await api.editor('POST', '/products', { body: { name: 'No SKU, no price' } }), ['/sku', '/priceCents']);
    },
  },
  {
    name: 'When a path id is not a positive integer, then it answers 400 validation with field "id"',
    category: 'validation',
    async run(ctx) {
      const api = new Api(ctx);
      expectValidation(await api.reader('GET', '/products/abc'), ['id']);
      expectValidation(await api.reader('GET', '/products/0'), ['id']);
      expectValidation(await api.reader('GET', '/products/-1/stock-movements'), ['id']);
    },
  },
  {
    name: 'When limit is outside 1–100, then GET /products answers 400 validation with field "limit"',
    category: 'validation',
    async run(ctx) {
      const api = new Api(ctx);
      expectValidation(await api.reader('GET', '/products?limit=500'), ['limit']);
      expectValidation(await api.reader('GET', '/products?limit=0'), ['limit']);
    },
  },
  {
    name: 'When a stock movement has an invalid type or quantity, then it answers 400 validation naming the field and the stock is unchanged',
    category: 'validation',
    async run(ctx) {
      const api = new Api(ctx);
      const product = await api.stockedProduct(5);
      const before = await api.snapshot(product.id);
      const path = `/products/${product.id}/stock-movements`;
      const zero = await api.editor('POST', path, { body: { type: 'ship', quantity: 0, reason: 'Order' } });
      expectValidation(zero, ['/quantity']);
      const adjust = await api.editor('POST', path, { body: { type: 'adjust', quantity: 1, reason: 'Stocktake' } });
      expectValidation(adjust, ['/type']);
      await api.assertUnchanged(before, `${zero.label} and ${adjust.label}`);
    },
  },
];

export default checks;
