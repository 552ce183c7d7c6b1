// Idempotency-Key records for stock movements (R18, R29): the answer to replay and what it answered.

// Kept at least 24 hours (R18); a little longer so a key is never dropped early.
const RETENTION_MS = 25 * 60 * 60 * 1000;

/**
 * The body as a JSON value with object keys sorted, so property order and white space do not
 * make two equal bodies differ.
 * @param {unknown} value
 * @returns {string}
 */
export function canonicalJson(value) {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const record = /** @type {Record<string, unknown>} */ (value);
    const keys = Object.keys(record).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * @typedef {object} KeyRecord
 * @property {number} productId
 * @property {string} request canonical JSON of the body
 * @property {import('./http-io.mjs').Reply} reply the original answer
 * @property {number} expiresAt
 */

export class IdempotencyKeys {
  /** @type {Map<string, KeyRecord>} */
  #records = new Map();

  /** @param {string} key */
  find(key) {
    const record = this.#records.get(key);
    if (record && record.expiresAt < Date.now()) {
      this.#records.delete(key);
      return undefined;
    }
    return record;
  }

  /**
   * @param {string} key
   * @param {Omit<KeyRecord, 'expiresAt'>} record
   */
  remember(key, record) {
    this.#records.set(key, { ...record, expiresAt: Date.now() + RETENTION_MS });
  }
}
