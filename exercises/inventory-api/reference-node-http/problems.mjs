// The error catalogue (REQUIREMENTS.md, "Problem types") and RFC 9457 problem bodies.

const TYPE_BASE = 'https://faultline.dev/problems/inventory/';

/** name → [status, title] */
export const CATALOGUE = Object.freeze({
  validation: [400, 'Validation failed'],
  'malformed-json': [400, 'Malformed JSON'],
  unauthorized: [401, 'Unauthorized'],
  forbidden: [403, 'Forbidden'],
  'not-found': [404, 'Not found'],
  'sku-conflict': [409, 'SKU already exists'],
  'insufficient-stock': [409, 'Insufficient stock'],
  'precondition-failed': [412, 'Precondition failed'],
  'payload-too-large': [413, 'Payload too large'],
  'unsupported-media-type': [415, 'Unsupported media type'],
  'idempotency-conflict': [422, 'Idempotency key reused'],
  // Follow-up `rate-limit`.
  'rate-limited': [429, 'Too many requests'],
  internal: [500, 'Internal server error'],
});

/** @typedef {keyof typeof CATALOGUE} ProblemName */
/** @typedef {{ field: string, message: string }} FieldError */

/** A refusal that becomes a problem answer; thrown anywhere in the request pipeline. */
export class Problem extends Error {
  /**
   * @param {ProblemName} name
   * @param {string} detail
   * @param {{ errors?: FieldError[], headers?: Record<string, string> }} [extra]
   */
  constructor(name, detail, extra = {}) {
    super(detail);
    this.problemName = name;
    this.errors = extra.errors;
    this.headers = extra.headers ?? {};
  }

  get status() {
    return CATALOGUE[this.problemName][0];
  }

  /**
   * @param {string} instance the request path, without the query string
   * @param {string} requestId the X-Request-Id of the answer (follow-up `request-id`)
   */
  body(instance, requestId) {
    const [status, title] = CATALOGUE[this.problemName];
    return {
      type: TYPE_BASE + this.problemName,
      title,
      status,
      detail: this.message,
      instance,
      requestId,
      ...(this.errors ? { errors: this.errors } : {}),
    };
  }
}

/** @param {FieldError[]} errors */
export function validationProblem(errors) {
  const detail = errors.length === 1 ? 'The request has 1 invalid field.' : `The request has ${errors.length} invalid fields.`;
  return new Problem('validation', detail, { errors });
}

export const INTERNAL = new Problem('internal', 'an unexpected error occurred');
