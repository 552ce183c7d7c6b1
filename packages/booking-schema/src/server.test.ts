import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createRpcServer } from './server.js';
import * as args from './store/arguments.js';
import { StoreError, type BookingStore } from './store/types.js';

// A store that needs no database: each method answers from its arguments.
const store = {
  auditTrail: async ({ bookingId }: { bookingId: number }) => {
    if (bookingId === 404) throw new StoreError('not-found', 'booking 404 does not exist');
    return [{ seq: 1, fromStatus: null, toStatus: 'held', changedAt: '2025-03-14T10:00:00.000Z', reason: null }];
  },
  placeBooking: async () => {
    throw new StoreError('overlap', 'resource 10 is already booked in that range');
  },
  revenue: async () => {
    throw new Error('connection refused');
  },
} as unknown as BookingStore;

let server: Server;
let base: string;

beforeAll(async () => {
  server = createRpcServer(store, () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const post = async (path: string, body: string) => {
  const response = await fetch(base + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  return { status: response.status, type: response.headers.get('content-type'), body: (await response.json()) as Record<string, unknown> };
};

describe('the RPC surface', () => {
  it('When a method answers, then its result is the JSON body', async () => {
    const { status, body } = await post('/rpc/auditTrail', '{"bookingId":1}');
    expect(status).toBe(200);
    expect(body).toEqual([{ seq: 1, fromStatus: null, toStatus: 'held', changedAt: '2025-03-14T10:00:00.000Z', reason: null }]);
  });

  it('When a method refuses, then the answer is a problem with the store code and a matching status', async () => {
    expect(await post('/rpc/auditTrail', '{"bookingId":404}')).toMatchObject({ status: 404, type: 'application/problem+json', body: { code: 'not-found', status: 404 } });
    expect(await post('/rpc/placeBooking', '{}')).toMatchObject({ status: 409, body: { code: 'overlap' } });
  });

  it('When the body is not a JSON object, then 400 invalid-argument says so', async () => {
    expect(await post('/rpc/auditTrail', '{oops')).toMatchObject({ status: 400, body: { code: 'invalid-argument' } });
    expect(await post('/rpc/auditTrail', '[1]')).toMatchObject({ status: 400, body: { code: 'invalid-argument' } });
  });

  it('When the method is unknown, then 404 lists the methods', async () => {
    const { status, body } = await post('/rpc/dropTables', '{}');
    expect(status).toBe(404);
    expect(String(body.detail)).toContain('searchAvailability');
  });

  it('When the store fails unexpectedly, then 500 says nothing of the cause', async () => {
    const { status, body } = await post('/rpc/revenue', '{}');
    expect(status).toBe(500);
    expect(JSON.stringify(body)).not.toContain('connection refused');
  });
});

describe('argument checks', () => {
  it('When a range ends at or before its start, then it is invalid-argument', () => {
    expect(() => args.range('2025-03-14T10:00:00.000Z', '2025-03-14T10:00:00.000Z')).toThrow(expect.objectContaining({ code: 'invalid-argument' }));
    expect(args.range('2025-03-14T10:00:00.000Z', '2025-03-14T11:00:00.000Z').end.toISOString()).toBe('2025-03-14T11:00:00.000Z');
  });

  it('When a time is not ISO 8601 UTC, a month not YYYY-MM or a limit out of range, then the parameter is named', () => {
    expect(() => args.time('14/03/2025', 'start')).toThrow('start must be an ISO 8601 UTC time');
    expect(() => args.month('2025-13')).toThrow('month must be YYYY-MM');
    expect(() => args.integer(0, 'limit', 1, 100)).toThrow('limit must be an integer from 1 to 100');
    expect(args.integer(undefined, 'limit', 1, 100, 20)).toBe(20);
    expect(args.codes(['projector', 'projector', 'video'])).toEqual(['projector', 'video']);
  });
});
