import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startLabPaymentProvider } from './payment-provider.js';

let provider: Awaited<ReturnType<typeof startLabPaymentProvider>>;

beforeAll(async () => {
  provider = await startLabPaymentProvider({ latencyMs: 0, failureRate: 0 });
});

afterAll(() => new Promise<void>((resolve) => provider.server.close(() => resolve())));

const pay = () => fetch(`${provider.url}/payments`, { method: 'POST', body: '{}' });

describe('the lab payment provider', () => {
  it('When it is healthy, then a payment is captured with a reference', async () => {
    const response = await pay();
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ status: 'captured', reference: expect.any(String) });
  });

  it('When its latency is raised, then payments take at least that long', async () => {
    await fetch(`${provider.url}/config`, { method: 'PUT', body: JSON.stringify({ latencyMs: 300 }) });
    const started = Date.now();
    await (await pay()).arrayBuffer();
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('When its failure rate is 1, then every payment is refused with 502', async () => {
    await fetch(`${provider.url}/config`, { method: 'PUT', body: JSON.stringify({ latencyMs: 0, failureRate: 1 }) });
    const statuses = await Promise.all([pay(), pay(), pay()].map(async (p) => (await p).status));
    expect(statuses).toEqual([502, 502, 502]);
  });

  it('When the config body is not JSON, then 400 says what to send', async () => {
    const response = await fetch(`${provider.url}/config`, { method: 'PUT', body: 'fast please' });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('latencyMs');
  });
});
