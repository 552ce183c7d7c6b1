// Reads a product without valid credentials (no Authorization header, an unknown bearer token,
// "Bearer" with nothing after it) and counts the answers that are not 401.
import type { Probe } from '@faultline/kit';
import { Api } from '../../acceptance/client.js';

const probe: Probe = {
  metric: { name: 'reads without valid credentials not refused with 401', unit: 'of 6 requests', threshold: 1 },
  async run(ctx) {
    const api = new Api(ctx);
    const credentials: Array<[string, Record<string, string>]> = [
      ['no Authorization header', {}],
      ['an unknown bearer token', { authorization: 'Bearer not-a-known-token-7f3a' }],
      ['"Bearer" and no token', { authorization: 'Bearer ' }],
    ];
    const bad: string[] = [];
    // An id that exists on any server that has products, and one that cannot.
    for (const id of [1, 2_147_000_123]) {
      for (const [what, headers] of credentials) {
        const answer = await api.anonymous('GET', `/products/${id}`, { headers, as: `with ${what}` });
        if (answer.status !== 401) bad.push(`${answer.label}: ${answer.status}`);
      }
    }
    return {
      value: bad.length,
      evidence: bad.length ? `${bad.length} reads answered without a valid token, e.g. ${bad.slice(0, 2).join(' | ')}` : 'every read without a valid token answered 401',
    };
  },
};

export default probe;
