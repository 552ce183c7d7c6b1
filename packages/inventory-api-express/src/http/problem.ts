// The error catalogue (REQUIREMENTS.md, "Problem types") and RFC 9457 problem answers.
import type { Response } from 'express';

const TYPE_BASE = 'https://faultline.dev/problems/inventory/';

/** name → [status, title] */
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
}

/** A refusal that becomes a problem answer; thrown (or rejected) anywhere before the answer. */
export class Problem extends Error {
  readonly problemName: ProblemName;
  readonly status: number;
  readonly errors: FieldError[] | undefined;
  readonly headers: Readonly<Record<string, string>>;

  constructor(name: ProblemName, detail: string, extra: { errors?: FieldError[]; headers?: Record<string, string> } = {}) {
    super(detail);
    this.problemName = name;
    this.status = CATALOGUE[name][0];
    this.errors = extra.errors;
    this.headers = extra.headers ?? {};
  }

  toBody(instance: string): ProblemBody {
    const [status, title] = CATALOGUE[this.problemName];
    return { type: TYPE_BASE + this.problemName, title, status, detail: this.message, instance, ...(this.errors ? { errors: this.errors } : {}) };
  }
}

export function validationProblem(errors: FieldError[]): Problem {
  const detail = errors.length === 1 ? 'The request has 1 invalid field.' : `The request has ${errors.length} invalid fields.`;
  return new Problem('validation', detail, { errors });
}

/** The request path as sent, without the query string: a problem's `instance`. */
export function instanceOf(originalUrl: string): string {
  const mark = originalUrl.indexOf('?');
  return mark < 0 ? originalUrl : originalUrl.slice(0, mark);
}

export function sendProblem(response: Response, problem: Problem, instance: string, extra: Record<string, unknown> = {}): void {
  response.status(problem.status).set(problem.headers).type('application/problem+json').json({ ...problem.toBody(instance), ...extra });
}
