// Reads products whose ids look fine to a lenient parser but do not fit PostgreSQL's integer
// (R38: a 400 validation problem). When such an id reaches the database, the driver's error
// becomes the answer; counts the answers that are a 5xx or carry internals (R30).
import type { Probe } from '@faultline/kit';

// Digits past 2147483647, an exponent, and a number past 2^53 that Number() rounds.
const IDS = ['2147483648', '99999999999', '1e10', '9007199254740993'];

const INTERNALS: ReadonlyArray<[RegExp, string]> = [
  [/\bat\s+(?:async\s+)?[\w$.<>[\]]+\s+\([^)]*:\d+:\d+\)/, 'a stack trace'],
  [/\bat\s+(?:file:\/\/)?\/[^\s"]*:\d+:\d+/, 'a stack trace'],
  [/\/src\/|\/dist\/|node_modules|\.js:|\.ts:/, 'a file path'],
  [/out of range for type|invalid input syntax|\bSELECT\b/i, 'a database message'],
  [/\b[A-Z][A-Za-z]*(?:Error|Exception)\b/, 'an exception class name'],
];

const probe: Probe = {
  metric: { name: 'answers failing with 5xx or leaking internals', unit: `of ${IDS.length} reads`, threshold: 1 },
  async run({ primary, settings }) {
    const token = settings.READ_TOKEN;
    if (!token) throw new Error('the probe needs READ_TOKEN (a reader token)');
    const bad: string[] = [];
    for (const id of IDS) {
      const answer = await primary.request('GET', `/products/${id}`, { headers: { authorization: `Bearer ${token}` } });
      const leaks = [...new Set(INTERNALS.filter(([pattern]) => pattern.test(answer.text)).map(([, what]) => what))];
      if (answer.status >= 500 || leaks.length > 0) {
        bad.push(`GET /products/${id} → ${answer.status}${leaks.length ? ` with ${leaks.join(', ')}` : ''}: ${answer.text.slice(0, 160)}`);
      }
    }
    return {
      value: bad.length,
      evidence: bad.length ? `${bad.length} of ${IDS.length}: ${bad.slice(0, 2).join(' | ')}` : `all ${IDS.length} out-of-range ids answered 4xx without internals`,
    };
  },
};

export default probe;
