// Opaque cursors for GET /products (follow-up `cursor-pagination`). A cursor holds the sort it was
// issued for and the sort key of the last product on its page; the next page starts strictly after
// that key (keyset pagination), so products created or deleted between pages never shift it.
// base64url keeps it safe in a query string; clients must not build or read it.

/** @typedef {import('./inventory.mjs').Product} Product */

const MAX_LENGTH = 512;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * @typedef {object} Position the sort key of the last product a client has seen
 * @property {string | number} value
 * @property {number} id
 */

/** @param {string} sort e.g. "-priceCents" */
const fieldOf = (sort) => /** @type {'name' | 'priceCents' | 'createdAt' | 'stock'} */ (sort.replace(/^-/, ''));

/**
 * @param {string} sort
 * @param {Product} last
 */
export function encodeCursor(sort, last) {
  return Buffer.from(JSON.stringify({ s: sort, v: last[fieldOf(sort)], i: last.id })).toString('base64url');
}

/** @param {string} field @param {unknown} value */
function valueFits(field, value) {
  if (field === 'priceCents' || field === 'stock') return Number.isSafeInteger(value);
  if (field === 'createdAt') return typeof value === 'string' && TIMESTAMP.test(value);
  return typeof value === 'string' && value.length <= 1000;
}

/**
 * @param {string} text the cursor as the client sent it
 * @param {string} sort the sort of this request
 * @returns {Position | string} the position, or why the cursor is refused
 */
export function decodeCursor(text, sort) {
  if (text.length > MAX_LENGTH || !BASE64URL.test(text)) return 'is not a cursor issued by this API';
  /** @type {unknown} */
  let decoded;
  try {
    decoded = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return 'is not a cursor issued by this API';
  }
  if (typeof decoded !== 'object' || decoded === null || Array.isArray(decoded)) return 'is not a cursor issued by this API';
  const { s, v, i, ...rest } = /** @type {Record<string, unknown>} */ (decoded);
  if (Object.keys(rest).length > 0 || typeof s !== 'string' || !Number.isSafeInteger(i) || /** @type {number} */ (i) < 1) return 'is not a cursor issued by this API';
  if (s !== sort) return `was issued for sort=${s.slice(0, 20)}; start again from the first page to change the sort`;
  if (!valueFits(fieldOf(sort), v)) return 'is not a cursor issued by this API';
  return { value: /** @type {string | number} */ (v), id: /** @type {number} */ (i) };
}
