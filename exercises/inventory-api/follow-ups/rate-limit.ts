// Hidden checks of the follow-up `rate-limit` (rate-limit.md). The server runs with
// RATE_LIMIT_PER_MINUTE=60 and two extra tokens that only these checks use (RATE_READ_TOKEN, a
// reader, and RATE_EDIT_TOKEN, an editor), so they never spend the budget of the main suite's tokens.
// They run in this order; only the first needs RATE_READ_TOKEN unused in the last minute.
import assert from 'node:assert/strict';
import type { FunctionalCheck, ProbeContext } from '@faultline/kit';
import { Api, uniqueSku, unknownId, type Answer, type SendOptions } from '../acceptance/client.js';
import { expectNoInternals, got, PROBLEM_BASE } from '../acceptance/expect.js';

const LIMIT = 60;
const PER_MINUTE = `RATE_LIMIT_PER_MINUTE=${LIMIT}`;

/** A client that sends one of the two rate-limit tokens. */
function rateClient(ctx: ProbeContext, setting: 'RATE_READ_TOKEN' | 'RATE_EDIT_TOKEN') {
  const token = ctx.settings[setting];
  if (!token) throw new Error(`the rate-limit checks need ${setting} (a ${setting === 'RATE_READ_TOKEN' ? 'reader' : 'editor'} token of the server, used by no other check) in their environment`);
  const api = new Api(ctx);
  const who = setting === 'RATE_READ_TOKEN' ? '(RATE_READ_TOKEN)' : '(RATE_EDIT_TOKEN)';
  return (method: string, path: string, options: SendOptions = {}): Promise<Answer> =>
    api.send('anonymous', method, path, { ...options, headers: { authorization: `Bearer ${token}`, ...options.headers }, as: options.as ?? who });
}

/** RateLimit-Limit and RateLimit-Remaining, both required, both non-negative integers. */
function budget(answer: Answer): { limit: number; remaining: number } {
  const limit = answer.headers.get('ratelimit-limit');
  const remaining = answer.headers.get('ratelimit-remaining');
  assert.ok(limit !== null && /^\d+$/.test(limit), `${answer.label} (${answer.status}): every answer to a limited token carries RateLimit-Limit, an integer, got ${JSON.stringify(limit)}`);
  assert.equal(Number(limit), LIMIT, `${answer.label}: expected RateLimit-Limit: ${LIMIT} (the server must run with ${PER_MINUTE}), got ${limit}`);
  assert.ok(remaining !== null && /^\d+$/.test(remaining), `${answer.label} (${answer.status}): every answer to a limited token carries RateLimit-Remaining, an integer ≥ 0, got ${JSON.stringify(remaining)}`);
  return { limit: Number(limit), remaining: Number(remaining) };
}

/** The 429: a problem of type rate-limited with Retry-After in whole seconds. */
function expectRateLimited(answer: Answer, instance: string): void {
  assert.equal(answer.status, 429, `${answer.label}: expected 429 rate-limited, ${got(answer)}`);
  assert.match(answer.contentType, /^application\/problem\+json\s*(;|$)/i, `${answer.label}: expected Content-Type application/problem+json, got "${answer.contentType}"`);
  const body = answer.body as Record<string, unknown> | null;
  assert.ok(body !== null && typeof body === 'object', `${answer.label}: expected a JSON object problem body, got ${answer.text.slice(0, 200)}`);
  assert.deepEqual(
    [body.type, body.title, body.status, body.instance],
    [`${PROBLEM_BASE}rate-limited`, 'Too many requests', 429, instance],
    `${answer.label}: expected "type" ${PROBLEM_BASE}rate-limited, "title" "Too many requests", "status" 429 and "instance" "${instance}", got ${answer.text.slice(0, 300)}`,
  );
  assert.ok(typeof body.detail === 'string' && body.detail.trim() !== '', `${answer.label}: expected a non-empty "detail", got ${JSON.stringify(body.detail)}`);
  expectNoInternals(answer);
  const retryAfter = answer.headers.get('retry-after');
  assert.ok(
    retryAfter !== null && /^\d+$/.test(retryAfter) && Number(retryAfter) >= 1 && Number(retryAfter) <= 60,
    `${answer.label}: expected Retry-After in whole seconds, from 1 to 60, got ${JSON.stringify(retryAfter)}`,
  );
  assert.equal(budget(answer).remaining, 0, `${answer.label}: a refused request has RateLimit-Remaining: 0`);
}

/** "60 × 200, 1 × 429" */
function tally(answers: readonly Answer[]): string {
  const counts = new Map<number, number>();
  for (const answer of answers) counts.set(answer.status, (counts.get(answer.status) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => a - b).map(([status, count]) => `${count} × ${status}`).join(', ');
}

const checks: FunctionalCheck[] = [
  {
    name: 'When one token sends 61 requests at once, then 60 are answered and the 61st gets 429 rate-limited with Retry-After',
    async run(ctx) {
      const send = rateClient(ctx, 'RATE_READ_TOKEN');
      const answers = await ctx.simultaneously(Array.from({ length: LIMIT + 1 }, () => () => send('GET', '/products?limit=1')));
      const accepted = answers.filter((a) => a.status === 200);
      const refused = answers.filter((a) => a.status === 429);
      assert.deepEqual(
        [accepted.length, refused.length],
        [LIMIT, 1],
        `${LIMIT + 1} simultaneous GET /products?limit=1 with one token, the server running with ${PER_MINUTE}: expected 60 × 200, 1 × 429, got ${tally(answers)}` +
          ' (if RATE_READ_TOKEN was used in the last minute, e.g. by an earlier run, restart the server or wait a minute)',
      );
      const left = accepted.map((a) => budget(a).remaining).sort((a, b) => a - b);
      assert.deepEqual(
        left,
        Array.from({ length: LIMIT }, (_, n) => n),
        `${LIMIT + 1} simultaneous GET /products?limit=1: each accepted request counts once, so the 200 answers carry RateLimit-Remaining ${LIMIT - 1} down to 0, each once, got ${JSON.stringify(left)}`,
      );
      for (const answer of refused) expectRateLimited(answer, '/products');
    },
  },
  {
    name: 'When one token has used up its limit, then it keeps getting 429 while another token and /health are still answered',
    async run(ctx) {
      const reader = rateClient(ctx, 'RATE_READ_TOKEN');
      const editor = rateClient(ctx, 'RATE_EDIT_TOKEN');
      // Use up whatever is left of the reader's minute (nothing, right after the previous check).
      await ctx.simultaneously(Array.from({ length: LIMIT + 1 }, () => () => reader('GET', '/products?limit=1')));
      const path = `/products/${unknownId()}`;
      expectRateLimited(await reader('GET', path), path);
      const other = await editor('GET', '/products?limit=1');
      assert.equal(other.status, 200, `${other.label}: another token has its own budget, expected 200 while RATE_READ_TOKEN is limited, ${got(other)}`);
      assert.ok(budget(other).remaining >= 1, `${other.label}: another token has its own budget, expected RateLimit-Remaining ≥ 1, got ${budget(other).remaining}`);
      const health = await ctx.simultaneously(Array.from({ length: 10 }, (_, n) => () => (n % 2 === 0 ? reader('GET', '/health') : new Api(ctx).anonymous('GET', '/health'))));
      for (const answer of health) {
        assert.equal(answer.status, 200, `${answer.label}: /health is never limited, expected 200 even for a token over its limit, ${got(answer)}`);
      }
    },
  },
  {
    name: 'When a token calls /health, then the call neither counts against its limit nor is refused',
    async run(ctx) {
      const editor = rateClient(ctx, 'RATE_EDIT_TOKEN');
      const before = budget(await editor('GET', '/products?limit=1'));
      const health = await ctx.simultaneously(Array.from({ length: 5 }, () => () => editor('GET', '/health')));
      for (const answer of health) assert.equal(answer.status, 200, `${answer.label}: expected 200, ${got(answer)}`);
      const after = budget(await editor('GET', '/products?limit=1'));
      assert.equal(
        after.remaining,
        before.remaining - 1,
        `GET /products?limit=1 (RATE_EDIT_TOKEN) before and after 5 GET /health with the same token: only the second list request may count, expected RateLimit-Remaining ${before.remaining} then ${before.remaining - 1}, got ${after.remaining}`,
      );
    },
  },
  {
    name: 'When a token sends requests that succeed or fail, then every answer carries RateLimit-Limit and RateLimit-Remaining and each request counts once',
    async run(ctx) {
      const editor = rateClient(ctx, 'RATE_EDIT_TOKEN');
      const created = await editor('POST', '/products', { body: { sku: uniqueSku('RL'), name: 'Rate-limited item', priceCents: 100 } });
      assert.equal(created.status, 201, `${created.label}: expected 201, ${got(created)}`);
      const id = (created.body as { id: number }).id;
      const answers = [created];
      answers.push(await editor('GET', `/products/${id}`));
      answers.push(await editor('PATCH', `/products/${id}`, { body: { priceCents: -1 } }));
      answers.push(await editor('GET', `/products/${unknownId()}`));
      answers.push(await editor('GET', '/nope'));
      answers.push(await editor('POST', '/products', { raw: 'sku=X', headers: { 'content-type': 'text/plain' } }));
      answers.push(await editor('DELETE', `/products/${id}`));
      assert.deepEqual(answers.map((a) => a.status), [201, 200, 400, 404, 404, 415, 204], `requests with RATE_EDIT_TOKEN: expected 201, 200, 400, 404, 404, 415 and 204, got ${JSON.stringify(answers.map((a) => a.status))}`);
      const left = answers.map((a) => budget(a).remaining);
      const first = left[0] ?? 0;
      assert.deepEqual(
        left,
        left.map((_, n) => first - n),
        `requests with RATE_EDIT_TOKEN, one after the other: every request counts once whatever its answer, so RateLimit-Remaining goes down by 1 each time, got ${JSON.stringify(left)}`,
      );
    },
  },
];

export default checks;
