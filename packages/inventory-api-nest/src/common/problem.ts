// The error catalogue (REQUIREMENTS.md, "Problem types") and RFC 9457 problem bodies.
export const PROBLEM_BASE = 'https://faultline.dev/problems/inventory/';
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

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
  internal: [500, 'Internal server error'],
  'not-implemented': [501, 'Not implemented'],
} as const);

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
}

/** A refusal that becomes a problem answer; thrown anywhere in the request pipeline. */
export class ProblemException extends Error {
  readonly errors: FieldError[] | undefined;
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    readonly problem: ProblemName,
    detail: string,
    extra: { errors?: FieldError[]; headers?: Record<string, string> } = {},
  ) {
    super(detail);
    this.errors = extra.errors;
    this.headers = extra.headers ?? {};
  }

  get status(): number {
    return CATALOGUE[this.problem][0];
  }

  /** @param instance the request path, without the query string */
  body(instance: string): ProblemBody {
    const [status, title] = CATALOGUE[this.problem];
    return { type: PROBLEM_BASE + this.problem, title, status, detail: this.message, instance, ...(this.errors ? { errors: this.errors } : {}) };
  }
}

export function validationProblem(errors: FieldError[]): ProblemException {
  const detail = errors.length === 1 ? 'The request has 1 invalid field.' : `The request has ${errors.length} invalid fields.`;
  return new ProblemException('validation', detail, { errors });
}

export const notFound = (id: number): ProblemException => new ProblemException('not-found', `Product ${id} does not exist.`);

export const notImplemented = (): ProblemException => new ProblemException('not-implemented', 'not implemented yet');
