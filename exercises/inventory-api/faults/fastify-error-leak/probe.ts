// Asks for products whose ids are well-formed digits but beyond PostgreSQL's integer range
// (R38: such ids are a 400). A server that lets them reach the database gets a driver error;
// an error handler that passes internals on shows it, with a stack, in the body. Counts the
// answers that are a 5xx or carry internals (R30).
import type { Probe } from '@faultline/kit';

const IDS = ['2147483648', '9999999999', '99999999999999999999'];

const INTERNALS: ReadonlyArray<[RegExp, string]> = [
  [/\bat\s+(?:async\s+)?[\w$.<>[\]]+\s+\([^)]*:\d+:\d+\)/, 'a stack trace'],
  [/\bat\s+(?:file:\/\/)?\/[^\s"]*:\d+:\d+/, 'a stack trace'],
  [/\/src\/|node_modules|\.js:|\.ts:/, 'a file path'],
  [/out of range for type|invalid input syntax|\bSELECT\b/i, 'a database message'],
  [/\b[A-Z][A-Za-z]*(?:Error|Exception)\b/, 'an exception class name'],
];

const probe: Probe = {
  metric: { name: 'answers leaking internals or failing with 5xx', unit: `of ${IDS.length} requests`, threshold: 1 },
  async run({ primary, settings }) {
    const token = settings.READ_TOKEN;
    if (!token) throw new Error('the probe needs READ_TOKEN');
    const bad: string[] = [];
    for (const id of IDS) {
      const answer = await primary.request('GET', `/products/${id}`, { headers: { authorization: `Bearer ${token}` } });
      const leaks = INTERNALS.filter(([pattern]) => pattern.test(answer.text)).map(([, what]) => what);
      if (answer.status >= 500 || leaks.length > 0) {
        bad.push(`GET /products/${id} → ${answer.status}${leaks.length ? ` with ${[...new Set(leaks)].join(', ')}` : ''}: ${answer.text.slice(0, 160)}`);
      }
    }
    return {
      value: bad.length,
      evidence: bad.length ? bad.join(' | ') : `all ${IDS.length} out-of-range ids answered ${'4xx'} without internals`,
    };
  },
};

export default probe;
