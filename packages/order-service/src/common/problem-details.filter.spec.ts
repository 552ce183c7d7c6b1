import { BadRequestException, Logger, NotFoundException, type ArgumentsHost } from '@nestjs/common';
import { describe, expect, it } from '@jest/globals';
import { insufficientStock } from './errors.js';
import { ProblemDetailsFilter } from './problem-details.filter.js';

function capture(exception: unknown) {
  const sent: { status?: number; type?: string; body?: Record<string, unknown> } = {};
  const response = {
    status(code: number) {
      sent.status = code;
      return this;
    },
    type(value: string) {
      sent.type = value;
      return this;
    },
    send(body: string) {
      sent.body = JSON.parse(body) as Record<string, unknown>;
      return this;
    },
  };
  const host = {
    switchToHttp: () => ({ getRequest: () => ({ originalUrl: '/orders' }), getResponse: () => response }),
  } as unknown as ArgumentsHost;
  new ProblemDetailsFilter().catch(exception, host);
  return sent;
}

Logger.overrideLogger(false); // the 500 case logs the error on purpose; keep test output clean

describe('ProblemDetailsFilter', () => {
  it('When a catalogued error is thrown, then its type, title, status and detail are sent as problem+json', () => {
    const sent = capture(insufficientStock(7, 3, 1));
    expect(sent.status).toBe(409);
    expect(sent.type).toBe('application/problem+json');
    expect(sent.body).toMatchObject({ title: 'Insufficient stock', status: 409, detail: 'product 7: 3 requested, 1 in stock', instance: '/orders' });
  });

  it('When an unexpected error is thrown, then a 500 is sent without its message or stack', () => {
    const sent = capture(new Error('connection to 10.0.0.5:5432 refused, password=hunter2'));
    expect(sent.status).toBe(500);
    expect(JSON.stringify(sent.body)).not.toContain('hunter2');
    expect(JSON.stringify(sent.body)).not.toContain('10.0.0.5');
    expect(sent.body).toMatchObject({ title: 'Internal Server Error', status: 500 });
  });

  it('When Nest raises its own 4xx (unknown route, unreadable body), then it is a problem too', () => {
    expect(capture(new NotFoundException('Cannot GET /nope')).body).toMatchObject({ status: 404, title: 'Not Found' });
    expect(capture(new BadRequestException('Unexpected end of JSON input')).body).toMatchObject({ status: 400 });
  });
});
