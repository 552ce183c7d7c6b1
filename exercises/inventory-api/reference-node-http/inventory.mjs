// In-memory storage. Every method is synchronous, so on one event loop each call is atomic: that
// is this reference's stand-in for the transactions and row locks a PostgreSQL version needs.
import { encodeCursor } from './cursor.mjs';

/**
 * @typedef {object} Product
 * @property {number} id
 * @property {string} sku
 * @property {string} name
 * @property {string | null} description
 * @property {number} priceCents
 * @property {number} stock
 * @property {number} version
 * @property {string} createdAt
 * @property {string} updatedAt
 */

/**
 * @typedef {object} Movement
 * @property {number} id
 * @property {number} productId
 * @property {'receive' | 'ship'} type
 * @property {number} quantity
 * @property {string} reason
 * @property {string} createdAt
 */

/** @typedef {import('./validation.mjs').ListQuery} ListQuery */

/** Compares by Unicode code point (PostgreSQL's COLLATE "C"), not by UTF-16 unit or locale. */
export function compareCodePoints(/** @type {string} */ a, /** @type {string} */ b) {
  const left = [...a];
  const right = [...b];
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const difference = /** @type {number} */ (left[i]?.codePointAt(0)) - /** @type {number} */ (right[i]?.codePointAt(0));
    if (difference !== 0) return difference;
  }
  return left.length - right.length;
}

/** @type {Record<string, (a: Product, b: Product) => number>} */
const SORT_KEYS = {
  name: (a, b) => compareCodePoints(a.name, b.name),
  priceCents: (a, b) => a.priceCents - b.priceCents,
  // Fixed-width ISO timestamps compare correctly as strings.
  createdAt: (a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0),
  stock: (a, b) => a.stock - b.stock,
};

/** A timestamp never earlier than `notBefore`, so updatedAt never goes back if the clock does. */
function timestamp(/** @type {string | undefined} */ notBefore) {
  const now = Date.now();
  return new Date(notBefore === undefined ? now : Math.max(now, Date.parse(notBefore))).toISOString();
}

export class Inventory {
  /** @type {Map<number, Product>} */
  #products = new Map();
  /** @type {Map<string, number>} sku → id */
  #idsBySku = new Map();
  /** @type {Map<number, Movement[]>} productId → movements, oldest first */
  #movements = new Map();
  #lastProductId = 0;
  #lastMovementId = 0;

  /** @param {number} id */
  get(id) {
    const product = this.#products.get(id);
    return product && { ...product };
  }

  /**
   * @param {{ sku: string, name: string, description?: string | null, priceCents: number }} input
   * @returns {Product | undefined} undefined when the SKU is taken
   */
  create(input) {
    if (this.#idsBySku.has(input.sku)) return undefined;
    const now = timestamp(undefined);
    /** @type {Product} */
    const product = {
      id: ++this.#lastProductId,
      sku: input.sku,
      name: input.name.trim(),
      description: input.description ?? null,
      priceCents: input.priceCents,
      stock: 0,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    this.#products.set(product.id, product);
    this.#idsBySku.set(product.sku, product.id);
    this.#movements.set(product.id, []);
    return { ...product };
  }

  /**
   * @param {number} id
   * @param {{ name?: string, description?: string | null, priceCents?: number }} changes
   * @param {(current: Product) => boolean} precondition checked and applied in one step
   * @returns {Product | 'missing' | 'precondition-failed'}
   */
  update(id, changes, precondition) {
    const product = this.#products.get(id);
    if (!product) return 'missing';
    if (!precondition(product)) return 'precondition-failed';
    if (changes.name !== undefined) product.name = changes.name.trim();
    if (changes.description !== undefined) product.description = changes.description;
    if (changes.priceCents !== undefined) product.priceCents = changes.priceCents;
    product.version += 1;
    product.updatedAt = timestamp(product.updatedAt);
    return { ...product };
  }

  /** @param {number} id @returns {boolean} whether it existed */
  delete(id) {
    const product = this.#products.get(id);
    if (!product) return false;
    this.#products.delete(id);
    this.#idsBySku.delete(product.sku);
    this.#movements.delete(id);
    return true;
  }

  /** @param {ListQuery} query */
  list(query) {
    const needle = query.q.toLowerCase();
    const matches = [...this.#products.values()].filter(
      (p) =>
        (needle === '' || p.name.toLowerCase().includes(needle) || p.sku.toLowerCase().includes(needle)) &&
        (query.minPriceCents === undefined || p.priceCents >= query.minPriceCents) &&
        (query.maxPriceCents === undefined || p.priceCents <= query.maxPriceCents) &&
        (query.inStock === undefined || (p.stock > 0) === query.inStock),
    );
    const descending = query.sort.startsWith('-');
    const field = descending ? query.sort.slice(1) : query.sort;
    const key = SORT_KEYS[field] ?? SORT_KEYS.name;
    /** @type {(a: Product, b: Product) => number} */
    const order = (a, b) => (descending ? -key(a, b) : key(a, b)) || a.id - b.id;
    matches.sort(order);
    let start = query.offset;
    if (query.cursor) {
      // The first product strictly after the last one the client saw, in this order.
      const seen = /** @type {Product} */ ({ [field]: query.cursor.value, id: query.cursor.id });
      start = matches.findIndex((p) => order(p, seen) > 0);
      if (start < 0) start = matches.length;
    }
    const page = matches.slice(start, start + query.limit);
    const last = page.at(-1);
    const nextCursor = last && start + query.limit < matches.length ? encodeCursor(query.sort, last) : null;
    return { items: page.map((p) => ({ ...p })), total: matches.length, nextCursor };
  }

  /**
   * Records a movement unless a ship exceeds the stock.
   * @param {number} id
   * @param {{ type: 'receive' | 'ship', quantity: number, reason: string }} input
   * @returns {{ movement: Movement, stock: number } | { refused: number } | undefined} undefined for an unknown product; `refused` carries the stock
   */
  move(id, input) {
    const product = this.#products.get(id);
    const movements = this.#movements.get(id);
    if (!product || !movements) return undefined;
    const stock = input.type === 'receive' ? product.stock + input.quantity : product.stock - input.quantity;
    if (stock < 0) return { refused: product.stock };
    const now = timestamp(product.updatedAt);
    /** @type {Movement} */
    const movement = { id: ++this.#lastMovementId, productId: id, type: input.type, quantity: input.quantity, reason: input.reason.trim(), createdAt: now };
    movements.push(movement);
    product.stock = stock;
    product.version += 1;
    product.updatedAt = now;
    return { movement: { ...movement }, stock };
  }

  /** @param {number} id @returns {Movement[] | undefined} newest first */
  history(id) {
    return this.#movements.get(id)?.map((m) => ({ ...m })).reverse();
  }
}
