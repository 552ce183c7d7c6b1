// 1,000 malformed requests generated with fast-check from the spec's own schemas (request bodies,
// query parameters, path ids): none may get a 5xx, and no error body may carry internals.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { FunctionalCheck } from '@faultline/kit';
import fc from 'fast-check';
import { parse } from 'yaml';
import { Api, uniqueSku, type Answer } from './client.js';
import { expectNoInternals, got } from './expect.js';

const REQUESTS = 1000;
const SEED = 20261204;
const CONCURRENCY = 8;

type Schema = { $ref?: string; type?: string | string[]; properties?: Record<string, Schema>; required?: string[]; maxLength?: number; minimum?: number; maximum?: number; enum?: unknown[]; oneOf?: Schema[]; anyOf?: Schema[] };
interface Spec {
  components: { schemas: Record<string, Schema> };
}

const spec = parse(readFileSync(new URL('../candidate/openapi.yaml', import.meta.url), 'utf8')) as Spec;

function resolve(schema: Schema): Schema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.split('/').at(-1) ?? '';
  const target = spec.components.schemas[name];
  if (!target) throw new Error(`openapi.yaml: unresolved ${schema.$ref}`);
  return resolve(target);
}

const junk = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.double(),
  fc.constantFrom(Number.MAX_VALUE, -0, 2 ** 53 + 1, Number.MAX_SAFE_INTEGER),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

/** Values that break one property's schema: wrong type, out of range, too long, not in the enum. */
function invalidFor(raw: Schema): fc.Arbitrary<unknown> {
  const schema = resolve(raw);
  const types = [schema.type].flat().filter(Boolean);
  const options: Array<fc.Arbitrary<unknown>> = [];
  if (types.includes('string')) {
    options.push(fc.oneof(fc.integer(), fc.boolean(), fc.array(fc.string(), { maxLength: 2 }), fc.object({ maxDepth: 1 })));
    if (schema.maxLength !== undefined) options.push(fc.string({ minLength: schema.maxLength + 1, maxLength: schema.maxLength + 40 }));
    if (schema.enum) options.push(fc.string({ maxLength: 12 }).filter((s) => !schema.enum?.includes(s)));
  }
  if (types.includes('integer')) {
    options.push(fc.oneof(fc.string({ maxLength: 12 }), fc.double({ noInteger: true }), fc.boolean(), fc.constant([]), fc.constant({})));
    if (schema.minimum !== undefined) options.push(fc.integer({ min: Number.MIN_SAFE_INTEGER, max: schema.minimum - 1 }));
    if (schema.maximum !== undefined) options.push(fc.integer({ min: schema.maximum + 1, max: Number.MAX_SAFE_INTEGER }));
  }
  if (options.length === 0) options.push(junk);
  return fc.oneof(...options);
}

/** A body for `schemaName` that is wrong in one of several ways. */
function invalidBody(schemaName: string, valid: Record<string, unknown>): fc.Arbitrary<string> {
  const schema = resolve({ $ref: `#/components/schemas/${schemaName}` });
  const properties = Object.entries(schema.properties ?? {});
  const oneBadProperty = fc.constantFrom(...properties).chain(([name, property]) => invalidFor(property).map((value) => ({ ...valid, [name]: value })));
  const missingRequired = fc.constantFrom(...(schema.required?.length ? schema.required : ['_'])).map((name) => {
    const copy: Record<string, unknown> = { ...valid };
    delete copy[name];
    return copy;
  });
  const extraProperty = fc.tuple(fc.string({ minLength: 1, maxLength: 12 }), junk).filter(([name]) => !(name in (schema.properties ?? {}))).map(([name, value]) => ({ ...valid, [name]: value }));
  const notAnObject = fc.oneof(junk, fc.array(fc.object({ maxDepth: 1 }), { maxLength: 2 }));
  const asJson = fc.oneof(oneBadProperty, oneBadProperty, missingRequired, extraProperty, notAnObject).map((value) => JSON.stringify(value) ?? 'null');
  const notJson = fc.oneof(fc.string({ unit: 'binary', maxLength: 60 }), fc.constantFrom('{', '{"a":', '[1,2', '{"sku":"A"}}', 'nul', '\u0000'));
  const deep = fc.integer({ min: 200, max: 3000 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth));
  return fc.oneof({ weight: 6, arbitrary: asJson }, { weight: 2, arbitrary: notJson }, { weight: 1, arbitrary: deep });
}

interface Sample {
  method: string;
  path: (productId: number) => string;
  body?: string;
}

const queryNames = ['q', 'minPriceCents', 'maxPriceCents', 'inStock', 'sort', 'limit', 'offset'];
const weirdText = fc.oneof(fc.string({ maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 30 }), fc.constantFrom("' OR 1=1 --", 'name; DROP TABLE products', '%', '%ZZ', '1e309', '-1', '999999999999999999999', 'NaN', 'true,false'));

const samples = fc.oneof(
  invalidBody('ProductCreate', { sku: 'FUZZ-1', name: 'Fuzz', priceCents: 100 }).map((body): Sample => ({ method: 'POST', path: () => '/products', body })),
  invalidBody('ProductUpdate', { name: 'Fuzz' }).map((body): Sample => ({ method: 'PATCH', path: (id) => `/products/${id}`, body })),
  invalidBody('StockMovementCreate', { type: 'receive', quantity: 1, reason: 'fuzz' }).map((body): Sample => ({ method: 'POST', path: (id) => `/products/${id}/stock-movements`, body })),
  fc.tuple(fc.constantFrom(...queryNames), weirdText).map(([name, value]): Sample => ({ method: 'GET', path: () => `/products?${name}=${encodeURIComponent(value)}` })),
  fc.tuple(fc.constantFrom('GET', 'PATCH', 'DELETE'), weirdText).map(([method, id]): Sample => ({ method, path: () => `/products/${encodeURIComponent(id)}`, ...(method === 'PATCH' ? { body: '{"name":"x"}' } : {}) })),
);

const checks: FunctionalCheck[] = [
  {
    name: `When ${REQUESTS} malformed requests generated from the spec's schemas arrive, then none gets a 5xx and no error body carries internals`,
    category: 'errors',
    hidden: true,
    async run(ctx) {
      const api = new Api(ctx);
      const created = await api.editor('POST', '/products', { body: { sku: uniqueSku('FZ'), name: 'Fuzz target', priceCents: 100 } });
      const productId = (created.body as { id?: number }).id ?? 1;
      const generated = fc.sample(samples, { numRuns: REQUESTS, seed: SEED });
      const failures: string[] = [];
      let next = 0;
      const worker = async () => {
        while (next < generated.length && failures.length < 5) {
          const sample = generated[next++];
          if (!sample) break;
          let answer: Answer;
          try {
            answer = await api.raw(sample.method, sample.path(productId), {
              headers: { authorization: `Bearer ${api.editToken}`, ...(sample.body !== undefined ? { 'content-type': 'application/json' } : {}) },
              ...(sample.body !== undefined ? { body: sample.body } : {}),
            });
          } catch (error) {
            failures.push(`${sample.method} ${sample.path(productId)}: ${(error as Error).message}`);
            continue;
          }
          if (answer.status >= 500) failures.push(`${answer.label} with body ${JSON.stringify(sample.body ?? '').slice(0, 120)}: ${got(answer)}`);
          else {
            try {
              expectNoInternals(answer);
            } catch (error) {
              failures.push((error as Error).message);
            }
          }
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      assert.deepEqual(failures, [], `malformed requests (fast-check seed ${SEED}) got 5xx or leaked internals:\n${failures.join('\n')}`);
    },
  },
];

export default checks;
