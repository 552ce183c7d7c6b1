// Input rules (REQUIREMENTS.md R32–R40). Each validator returns field errors and never throws, so
// one answer can name every invalid input of a request.
import { decodeCursor } from './cursor.mjs';

/** @typedef {import('./problems.mjs').FieldError} FieldError */

export const MAX_ID = 2147483647;
const SKU = /^[A-Z0-9][A-Z0-9-]{2,31}$/;
// Descriptions may hold tab, line feed and carriage return; names, reasons and q may not.
const DESCRIPTION_WHITESPACE = '\t\n\r';
const PRINTABLE_ASCII = /^[\u0020-\u007E]+$/;
export const SORTS = Object.freeze(['name', '-name', 'priceCents', '-priceCents', 'createdAt', '-createdAt', 'stock', '-stock']);

/**
 * Whether `text` holds a control character (U+0000–U+001F, U+007F) other than `allowed`.
 * @param {string} text
 * @param {string} [allowed]
 */
function hasControlCharacter(text, allowed = '') {
  for (const char of text) {
    const code = /** @type {number} */ (char.codePointAt(0));
    if ((code < 0x20 || code === 0x7f) && !allowed.includes(char)) return true;
  }
  return false;
}

/** Lengths count Unicode code points, not UTF-16 units. */
const codePoints = (/** @type {string} */ text) => [...text].length;

/** RFC 6901 pointer to a top-level property. */
const pointer = (/** @type {string} */ name) => `/${name.replaceAll('~', '~0').replaceAll('/', '~1')}`;

/** @param {unknown} value */
const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);

/** @param {unknown} value @param {number} min @param {number} max */
const isIntegerIn = (value, min, max) => typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;

/**
 * A trimmed single-line text such as a name or a reason.
 * @param {unknown} value
 * @returns {string | undefined} the error message, if any
 */
function lineTextError(value) {
  if (typeof value !== 'string') return 'must be a string';
  if (hasControlCharacter(value)) return 'must not contain control characters';
  const length = codePoints(value.trim());
  if (length < 1 || length > 200) return 'must be 1 to 200 characters after trimming';
  return undefined;
}

/** @param {unknown} value */
function descriptionError(value) {
  if (value === null) return undefined;
  if (typeof value !== 'string') return 'must be a string or null';
  if (codePoints(value) > 2000) return 'must be at most 2000 characters';
  if (hasControlCharacter(value, DESCRIPTION_WHITESPACE)) return 'must not contain control characters other than tab, line feed and carriage return';
  return undefined;
}

/** @param {unknown} value */
function priceError(value) {
  return isIntegerIn(value, 0, 100_000_000) ? undefined : 'must be an integer between 0 and 100000000';
}

/** @type {Record<string, (value: unknown) => string | undefined>} */
const PRODUCT_RULES = {
  sku: (value) => (typeof value === 'string' && SKU.test(value) ? undefined : 'must match ^[A-Z0-9][A-Z0-9-]{2,31}$'),
  name: lineTextError,
  description: descriptionError,
  priceCents: priceError,
};

/** @type {Record<string, (value: unknown) => string | undefined>} */
const MOVEMENT_RULES = {
  type: (value) => (value === 'receive' || value === 'ship' ? undefined : 'must be "receive" or "ship"'),
  quantity: (value) => (isIntegerIn(value, 1, 100_000) ? undefined : 'must be an integer between 1 and 100000'),
  reason: lineTextError,
};

/**
 * Checks a closed JSON object against per-property rules.
 * @param {unknown} body
 * @param {Record<string, (value: unknown) => string | undefined>} rules
 * @param {readonly string[]} required
 * @param {{ minProperties?: number }} [options]
 * @returns {FieldError[]}
 */
function checkObject(body, rules, required, options = {}) {
  if (!isObject(body)) return [{ field: '', message: 'must be a JSON object' }];
  const record = /** @type {Record<string, unknown>} */ (body);
  /** @type {FieldError[]} */
  const errors = [];
  const keys = Object.keys(record);
  if (keys.length < (options.minProperties ?? 0)) errors.push({ field: '', message: `must have at least ${options.minProperties} property` });
  for (const name of required) if (!Object.hasOwn(record, name)) errors.push({ field: pointer(name), message: 'is required' });
  for (const name of keys) {
    const rule = Object.hasOwn(rules, name) ? rules[name] : undefined;
    const message = rule ? rule(record[name]) : 'is not allowed';
    if (message) errors.push({ field: pointer(name), message });
  }
  return errors;
}

/** @param {unknown} body */
export const productCreateErrors = (body) => checkObject(body, PRODUCT_RULES, ['sku', 'name', 'priceCents']);

/** @param {unknown} body */
export function productUpdateErrors(body) {
  // sku is immutable: leaving it out of the rules refuses it like any unknown property.
  const { sku: _immutable, ...rules } = PRODUCT_RULES;
  return checkObject(body, rules, [], { minProperties: 1 });
}

/** @param {unknown} body */
export const movementErrors = (body) => checkObject(body, MOVEMENT_RULES, ['type', 'quantity', 'reason']);

/**
 * @param {string | undefined} decoded the percent-decoded path segment, undefined if undecodable
 * @returns {number | FieldError}
 */
export function parseId(decoded) {
  if (decoded !== undefined && /^[1-9][0-9]{0,9}$/.test(decoded)) {
    const id = Number(decoded);
    if (id <= MAX_ID) return id;
  }
  return { field: 'id', message: `must be a positive integer up to ${MAX_ID}` };
}

/**
 * @param {string | string[] | undefined} header
 * @returns {FieldError[]}
 */
export function idempotencyKeyErrors(header) {
  if (header === undefined) return [];
  const key = Array.isArray(header) ? header.join(', ') : header;
  if (key.length >= 1 && key.length <= 100 && PRINTABLE_ASCII.test(key)) return [];
  return [{ field: 'Idempotency-Key', message: 'must be 1 to 100 printable ASCII characters' }];
}

/**
 * @typedef {object} ListQuery
 * @property {string} q
 * @property {number | undefined} minPriceCents
 * @property {number | undefined} maxPriceCents
 * @property {boolean | undefined} inStock
 * @property {string} sort
 * @property {number} limit
 * @property {number} offset
 * @property {import('./cursor.mjs').Position | undefined} cursor where the page starts instead of offset
 */

/**
 * The query of `GET /products` (R39, and `cursor` from the follow-up). Unknown parameters are ignored.
 * @param {Map<string, string[]>} params
 * @returns {{ query: ListQuery, errors: FieldError[] }}
 */
export function listQuery(params) {
  /** @type {FieldError[]} */
  const errors = [];
  /** @param {string} name */
  const single = (name) => {
    const values = params.get(name);
    if (values === undefined) return undefined;
    if (values.length > 1) {
      errors.push({ field: name, message: 'must be given at most once' });
      return undefined;
    }
    return values[0];
  };
  /** @param {string} name @param {number} min @param {number} max @param {number | undefined} fallback */
  const integer = (name, min, max, fallback) => {
    const text = single(name);
    if (text === undefined) return fallback;
    const value = Number(text);
    if (/^[0-9]+$/.test(text) && value >= min && value <= max) return value;
    errors.push({ field: name, message: `must be an integer between ${min} and ${max}` });
    return fallback;
  };

  const q = single('q') ?? '';
  if (codePoints(q) > 100 || hasControlCharacter(q)) errors.push({ field: 'q', message: 'must be at most 100 characters without control characters' });
  const limit = integer('limit', 1, 100, 20) ?? 20;
  const offset = integer('offset', 0, 10_000, 0) ?? 0;
  const minPriceCents = integer('minPriceCents', 0, 100_000_000, undefined);
  const maxPriceCents = integer('maxPriceCents', 0, 100_000_000, undefined);
  if (minPriceCents !== undefined && maxPriceCents !== undefined && minPriceCents > maxPriceCents) {
    errors.push({ field: 'minPriceCents', message: 'must not exceed maxPriceCents' });
  }
  const inStockText = single('inStock');
  if (inStockText !== undefined && inStockText !== 'true' && inStockText !== 'false') errors.push({ field: 'inStock', message: 'must be true or false' });
  const inStock = inStockText === undefined ? undefined : inStockText === 'true';
  const sortText = single('sort');
  if (sortText !== undefined && !SORTS.includes(sortText)) errors.push({ field: 'sort', message: `must be one of ${SORTS.join(', ')}` });
  const sort = sortText !== undefined && SORTS.includes(sortText) ? sortText : 'name';
  const cursorText = single('cursor');
  /** @type {ListQuery['cursor']} */
  let cursor;
  if (cursorText !== undefined) {
    const decoded = params.has('offset') ? 'cannot be combined with offset' : decodeCursor(cursorText, sort);
    if (typeof decoded === 'string') errors.push({ field: 'cursor', message: decoded });
    else cursor = decoded;
  }
  return { query: { q, minPriceCents, maxPriceCents, inStock, sort, limit, offset, cursor }, errors };
}
