// Reads products whose ids are well-formed integers but too large for the id column, with a valid
// reader token, and counts the answers that are 5xx or carry internals (a stack trace, a file
// path, SQL or a database message). A client mistake must be a 400; nothing internal may show.
import type { Probe } from '@faultline/kit';
import { Api } from '../../acceptance/client.js';
import { expectNoInternals } from '../../acceptance/expect.js';

const IDS = ['2147483648', '99999999999', '9007199254740991', '99999999999999999999'];

const probe: Probe = {
  metric: { name: 'answers that fail or leak internals', unit: `of ${IDS.length} requests`, threshold: 1 },
  async run(ctx) {
    const api = new Api(ctx);
    const bad: string[] = [];
    for (const id of IDS) {
      const answer = await api.reader('GET', `/products/${id}`);
      try {
        expectNoInternals(answer);
      } catch (error) {
        bad.push(error instanceof Error ? error.message.split('\n')[0] ?? '' : String(error));
      }
    }
    return {
      value: bad.length,
      evidence: bad.length ? bad.slice(0, 2).join(' | ') : `all ${IDS.length} out-of-range ids answered without a 5xx or internals`,
    };
  },
};

export default probe;
