// Per-token rate limiting (follow-up `rate-limit`): a sliding window of one minute per token. Only
// accepted requests are recorded, so a client that keeps knocking while refused is let in again
// as soon as its oldest request leaves the window. Memory is bounded: at most `limit` timestamps
// per configured token, and only configured tokens are ever counted.

const WINDOW_MS = 60_000;

/**
 * @typedef {object} Allowance
 * @property {boolean} allowed
 * @property {number} limit
 * @property {number} remaining requests left in the window after this one
 * @property {number} retryAfterSeconds when refused: whole seconds until a request is accepted again (≥ 1)
 */

export class RateLimiter {
  /** @type {Map<string, number[]>} token → times of its accepted requests, oldest first */
  #accepted = new Map();

  /** @param {number} limit requests per token per minute */
  constructor(limit) {
    this.limit = limit;
  }

  /**
   * Counts one request of `token` if the window has room. Synchronous, so on one event loop the
   * check and the count cannot interleave with another request's.
   * @param {string} token
   * @param {number} [now]
   * @returns {Allowance}
   */
  take(token, now = Date.now()) {
    const times = this.#accepted.get(token) ?? [];
    while (times.length > 0 && /** @type {number} */ (times[0]) <= now - WINDOW_MS) times.shift();
    this.#accepted.set(token, times);
    if (times.length >= this.limit) {
      const freeAt = /** @type {number} */ (times[0]) + WINDOW_MS;
      return { allowed: false, limit: this.limit, remaining: 0, retryAfterSeconds: Math.max(1, Math.ceil((freeAt - now) / 1000)) };
    }
    times.push(now);
    return { allowed: true, limit: this.limit, remaining: this.limit - times.length, retryAfterSeconds: 0 };
  }
}
