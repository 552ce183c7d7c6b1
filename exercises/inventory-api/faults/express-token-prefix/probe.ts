// Sends near misses of the real tokens (R44: the token is compared exactly and nothing may follow
// it) to GET /products/{id} for an id that does not exist. Every answer must be a 401; a 404 means
// the near miss was taken for a real token. Counts the answers that are not 401.
import type { Probe } from '@faultline/kit';

// Well-formed and in range, far above any id a test run creates: a 404 once authenticated.
const UNKNOWN_ID = 2_147_480_000;

/** What is appended to a real token; the evidence shows these, never the token. */
const SUFFIXES = ['x', '0', '-admin', ' extra', ',other'];

const probe: Probe = {
  metric: { name: 'near-miss tokens accepted', unit: `of ${SUFFIXES.length * 2} requests`, threshold: 1 },
  async run({ primary, settings }) {
    const tokens = [['reader', settings.READ_TOKEN], ['editor', settings.EDIT_TOKEN]] as const;
    const accepted: string[] = [];
    for (const [role, token] of tokens) {
      if (!token) throw new Error('the probe needs READ_TOKEN and EDIT_TOKEN');
      for (const suffix of SUFFIXES) {
        const answer = await primary.request('GET', `/products/${UNKNOWN_ID}`, { headers: { authorization: `Bearer ${token}${suffix}` } });
        if (answer.status !== 401) accepted.push(`"Bearer <${role} token>${suffix}" → ${answer.status}`);
      }
    }
    return {
      value: accepted.length,
      evidence: accepted.length
        ? `${accepted.length} of ${SUFFIXES.length * 2} near misses were accepted, e.g. ${accepted.slice(0, 3).join(', ')}`
        : `all ${SUFFIXES.length * 2} near misses of the real tokens answered 401`,
    };
  },
};

export default probe;
