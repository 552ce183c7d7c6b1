// Sends Authorization headers that carry a valid token but are not `Bearer <token>` (R44: each
// is a 401) to GET /products/{id}, and counts the answers that are not 401. A well-formed id
// that matches no product is enough: with a valid credential it is a 404, without one a 401.
import type { Probe } from '@faultline/kit';

const probe: Probe = {
  metric: { name: 'malformed Authorization headers let through', unit: 'headers', threshold: 1 },
  async run({ primary, settings }) {
    const token = settings.EDIT_TOKEN;
    const reader = settings.READ_TOKEN;
    if (!token || !reader) throw new Error('the probe needs READ_TOKEN and EDIT_TOKEN');
    const headers = [token, `Basic ${token}`, `Token ${token}`, `Bearer ${token} extra`, `Bearer  ${token} ${token}`, `${token} Bearer`, `Bearer ${reader},${token}`];
    const through: string[] = [];
    for (const authorization of headers) {
      const answer = await primary.request('GET', '/products/2147000001', { headers: { authorization } });
      if (answer.status !== 401) through.push(`"${authorization.replaceAll(token, '<token>').replaceAll(reader, '<reader-token>')}" → ${answer.status}`);
    }
    return {
      value: through.length,
      evidence: through.length ? `accepted: ${through.join(', ')}` : `all ${headers.length} malformed headers answered 401`,
    };
  },
};

export default probe;
