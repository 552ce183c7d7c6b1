// The error catalogue (REQUIREMENTS.md, "Problem types") and RFC 9457 problem bodies.
const TYPE_BASE = 'https://faultline.dev/problems/inventory/';

export const CATALOGUE = {
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
  internal: [500, 'Internal server error'],
  'not-implemented': [501, 'Not implemented'],
} as const satisfies Record<string, readonly [number, string]>;

export type ProblemName = keyof typeof CATALOGUE;

export interface FieldError {
  field: string;
  message: string;
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

/** A refusal that becomes a problem answer; thrown anywhere in the request pipeline. */
export class Problem extends Error {
  readonly problemName: ProblemName;
  readonly errors: FieldError[] | undefined;
  readonly headers: Record<string, string>;

  constructor(name: ProblemName, detail: string, extra: { errors?: FieldError[]; headers?: Record<string, string> } = {}) {
    super(detail);
    this.problemName = name;
    this.errors = extra.errors;
    this.headers = extra.headers ?? {};
  }

  get status(): number {
    return CATALOGUE[this.problemName][0];
  }

  /** @param instance the request path, without the query string */
  body(instance: string): ProblemBody {
    const [status, title] = CATALOGUE[this.problemName];
    return { type: TYPE_BASE + this.problemName, title, status, detail: this.message, instance, ...(this.errors ? { errors: this.errors } : {}) };
  }
}

export function validationProblem(errors: FieldError[]): Problem {
  const detail = errors.length === 1 ? 'The request has 1 invalid field.' : `The request has ${errors.length} invalid fields.`;
  return new Problem('validation', detail, { errors });
}

/** The path as sent, without the query string: a problem's `instance`. */
export function instanceOf(url: string): string {
  const mark = url.indexOf('?');
  return mark < 0 ? url : url.slice(0, mark);
}
