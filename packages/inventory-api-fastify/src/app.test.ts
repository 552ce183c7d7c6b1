import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import type { Pool } from './db/pool.js';

// These requests never reach the database: a pool that throws proves it.
const noDatabase = {
  query: () => Promise.reject(new Error('no database in this test')),
} as unknown as Pool;

describe('the app without a database', () => {
  let app: FastifyInstance;

  beforeAll(async () => {
    const tokens = new Map([['r-123', 'reader' as const], ['e-456', 'editor' as const]]);
    app = await buildApp({ config: { tokens, logLevel: 'silent' }, pool: noDatabase, docs: false });
  });

  afterAll(() => app.close());

  it('When /health is called without a token, then it answers 200 {"status":"ok"}', async () => {
    const response = await app.inject({ method: 'GET', url: '/health' });

    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('When a product is read without a token, then it answers 401 as a problem with a Bearer challenge', async () => {
    const response = await app.inject({ method: 'GET', url: '/products/42' });

    expect(response.statusCode).toBe(401);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(response.json()).toMatchObject({ type: 'https://faultline.dev/problems/inventory/unauthorized', status: 401, instance: '/products/42' });
  });

  it('When a reader writes, then it answers 403 before the body is looked at', async () => {
    const response = await app.inject({ method: 'DELETE', url: '/products/42', headers: { authorization: 'Bearer r-123' } });

    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ type: 'https://faultline.dev/problems/inventory/forbidden' });
  });
});
