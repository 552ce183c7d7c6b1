// The app in this process on an ephemeral port, without a database: these requests are answered
// before any query runs (the pool connects lazily).
import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createApp } from './app.factory.js';
import { loadConfig } from './config/config.js';

const config = loadConfig({
  DATABASE_URL: 'postgres://nobody@127.0.0.1:1/unused',
  API_TOKENS: 'reader:test-read-token,editor:test-edit-token',
  LOG_LEVEL: 'silent',
});

describe('inventory-api', () => {
  let app: NestExpressApplication;
  let base: string;

  beforeAll(async () => {
    app = await createApp(config);
    await app.listen(0, '127.0.0.1');
    const address = app.getHttpServer().address();
    if (address === null || typeof address === 'string') throw new Error('expected a TCP address');
    base = `http://127.0.0.1:${address.port}`;
  });

  afterAll(async () => {
    await app.close();
  });

  it('When GET /health is called, then it answers 200 {"status":"ok"}', async () => {
    const response = await fetch(`${base}/health`);

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('When POST /products has no token, then it answers 401 with a Bearer challenge before reading the body', async () => {
    const response = await fetch(`${base}/products`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'not even JSON' });

    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(await response.json()).toMatchObject({ type: 'https://faultline.dev/problems/inventory/unauthorized', status: 401, instance: '/products' });
  });

  it('When a reader asks for /products/abc, then it answers 400 validation naming the field "id"', async () => {
    const response = await fetch(`${base}/products/abc`, { headers: { authorization: 'Bearer test-read-token' } });

    expect(response.status).toBe(400);
    const problem = (await response.json()) as { type: string; errors: Array<{ field: string }> };
    expect(problem.type).toBe('https://faultline.dev/problems/inventory/validation');
    expect(problem.errors.map((error) => error.field)).toEqual(['id']);
  });
});
