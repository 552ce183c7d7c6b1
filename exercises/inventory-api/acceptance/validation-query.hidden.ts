// Hidden: path ids and the query parameters of GET /products (R38, R39).
import type { FunctionalCheck } from '@faultline/kit';
import { Api } from './client.js';
import { expectJson, expectProblem, expectValidation } from './expect.js';

/** Each query string must be a 400 naming `field`. */
async function expectRefusedQueries(api: Api, field: string, queries: readonly string[]): Promise<void> {
  const answers = await Promise.all(queries.map((query) => api.reader('GET', `/products?${query}`)));
  for (const answer of answers) expectValidation(answer, [field]);
}

/** Each query string must be accepted. */
async function expectAcceptedQueries(api: Api, queries: readonly string[]): Promise<void> {
  const answers = await Promise.all(queries.map((query) => api.reader('GET', `/products?${query}`)));
  for (const answer of answers) expectJson(answer, 200, '200 (a valid query)');
}

const checks: FunctionalCheck[] = [
  {
    name: 'When a path id is not a positive decimal integer up to 2147483647, then every id endpoint answers 400 with field "id" and nothing is touched',
    category: 'validation',
    hidden: true,
    async run(ctx) {
      const api = new Api(ctx);
      const product = await api.stockedProduct(3);
      const before = await api.snapshot(product.id);
      // Built from this check's own id, so a server that reads "12abc" as 12 can only damage this product.
      const id = product.id;
      const invalid = ['abc', '0', '-1', `-${id}`, `${id}.5`, `${id}abc`, '2147483648', '99999999999999999999', `${id}%20OR%201=1`];
      const answers = await Promise.all(
        invalid.flatMap((bad) => [
          api.reader('GET', `/products/${bad}`),
          api.editor('PATCH', `/products/${bad}`, { body: { priceCents: 1 } }),
          api.editor('DELETE', `/products/${bad}`),
          api.reader('GET', `/products/${bad}/stock-movements`),
          api.editor('POST', `/products/${bad}/stock-movements`, { body: { type: 'receive', quantity: 1, reason: 'Bad id' } }),
        ]),
      );
      for (const answer of answers) expectValidation(answer, ['id']);
      expectProblem(await api.reader('GET', '/products/2147483647'), 'not-found');
      await api.assertUnchanged(before, 'requests with malformed ids');
    },
  },
  {
    name: 'When limit or offset is out of range, not an integer or empty, then GET /products answers 400 naming it',
    category: 'validation',
    hidden: true,
    async run(ctx) {
      const api = new Api(ctx);
      await expectRefusedQueries(api, 'limit', ['limit=0', 'limit=101', 'limit=-5', 'limit=abc', 'limit=2.5', 'limit=']);
      await expectRefusedQueries(api, 'offset', ['offset=-1', 'offset=10001', 'offset=abc', 'offset=', 'offset=1.5']);
      await expectAcceptedQueries(api, ['limit=1', 'limit=100', 'offset=0', 'offset=10000']);
    },
  },
  {
    name: 'When a price bound or inStock is invalid, or minPriceCents exceeds maxPriceCents, then it answers 400 naming the parameter',
    category: 'validation',
    hidden: true,
    async run(ctx) {
      const api = new Api(ctx);
      for (const name of ['minPriceCents', 'maxPriceCents']) {
        await expectRefusedQueries(api, name, [`${name}=-1`, `${name}=100000001`, `${name}=abc`, `${name}=1.5`, `${name}=`]);
      }
      await expectRefusedQueries(api, 'minPriceCents', ['minPriceCents=500&maxPriceCents=100']);
      await expectRefusedQueries(api, 'inStock', ['inStock=yes', 'inStock=1', 'inStock=TRUE', 'inStock=']);
      await expectAcceptedQueries(api, ['minPriceCents=0', 'maxPriceCents=100000000', 'minPriceCents=100&maxPriceCents=100', 'inStock=true', 'inStock=false']);
    },
  },
  {
    name: 'When sort is not one of the eight values or q is too long or has control characters, then it answers 400 naming it',
    category: 'validation',
    hidden: true,
    async run(ctx) {
      const api = new Api(ctx);
      await expectRefusedQueries(api, 'sort', ['sort=price', 'sort=NAME', `sort=${encodeURIComponent('name;DROP TABLE products')}`, 'sort=name,id', 'sort=', 'sort=%2Bname', 'sort=id']);
      await expectRefusedQueries(api, 'q', [`q=${'q'.repeat(101)}`, 'q=%00', 'q=%0A', 'q=a%09b', 'q=%7F']);
      await expectAcceptedQueries(api, ['name', '-name', 'priceCents', '-priceCents', 'createdAt', '-createdAt', 'stock', '-stock'].map((sort) => `sort=${sort}`));
      await expectAcceptedQueries(api, [`q=${'q'.repeat(100)}`, 'q=']);
    },
  },
  {
    name: 'When a known query parameter is given twice, then it answers 400 naming it',
    category: 'validation',
    hidden: true,
    async run(ctx) {
      const api = new Api(ctx);
      const repeated: Array<[string, string]> = [
        ['limit', 'limit=1&limit=2'],
        ['offset', 'offset=0&offset=0'],
        ['sort', 'sort=name&sort=-name'],
        ['q', 'q=a&q=b'],
        ['inStock', 'inStock=true&inStock=false'],
        ['minPriceCents', 'minPriceCents=1&minPriceCents=2'],
      ];
      const answers = await Promise.all(repeated.map(([, query]) => api.reader('GET', `/products?${query}`)));
      answers.forEach((answer, i) => expectValidation(answer, [repeated[i]?.[0] ?? '']));
    },
  },
];

export default checks;
