// The app in-process on an ephemeral port, with a fake repository: no database needed.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createApp } from './app.js';
import { createLogger } from './logger.js';
import type { ProductRepository } from './products/product.repository.js';
import type { Product } from './products/product.types.js';

const MUG: Product = {
  id: 42,
  sku: 'MUG-BLUE-350',
  name: 'Blue mug',
  description: 'Stoneware, 350 ml.',
  priceCents: 1299,
  stock: 12,
  version: 3,
  createdAt: '2025-05-12T09:30:00.000Z',
  updatedAt: '2025-05-12T10:02:41.518Z',
};

const products = { findById: async (id: number) => (id === MUG.id ? MUG : undefined) } as ProductRepository;

describe('inventory API', () => {
  let server: Server;
  let base: string;

  beforeAll(async () => {
    const app = createApp({
      tokens: [
        { role: 'reader', token: 'r-123' },
        { role: 'editor', token: 'e-456' },
      ],
      products,
      logger: createLogger('error', () => undefined),
    });
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('When GET /health is called without a token, then it answers 200 {"status":"ok"}', async () => {
    const response = await fetch(`${base}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('When a product is read without a token, then it answers 401 problem+json with WWW-Authenticate: Bearer', async () => {
    const response = await fetch(`${base}/products/42`);
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(await response.json()).toMatchObject({ type: 'https://faultline.dev/problems/inventory/unauthorized', status: 401, instance: '/products/42' });
  });

  it('When a reader reads an existing product, then it answers 200 with the product and its version as ETag', async () => {
    const response = await fetch(`${base}/products/42`, { headers: { authorization: 'Bearer r-123' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBe('"3"');
    expect(await response.json()).toEqual(MUG);
  });

  it('When the id is not a number, then it answers 400 validation naming the field "id"', async () => {
    const response = await fetch(`${base}/products/abc`, { headers: { authorization: 'Bearer r-123' } });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ type: 'https://faultline.dev/problems/inventory/validation', errors: [{ field: 'id' }] });
  });
});
