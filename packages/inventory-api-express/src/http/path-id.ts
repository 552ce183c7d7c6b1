import { type FieldError, validationProblem } from './problem.js';

/** The `{id}` path parameter: a positive integer. */
export function parseId(raw: unknown): number | FieldError {
  const id = Number(raw);
  if (Number.isInteger(id) && id > 0) return id;
  return { field: 'id', message: 'must be a positive integer' };
}

/** The id as a number, once it and the request's other inputs are known to be valid. */
export function validId(id: number | FieldError, otherErrors: readonly FieldError[] = []): number {
  const errors = typeof id === 'number' ? otherErrors : [id, ...otherErrors];
  if (errors.length > 0) throw validationProblem([...errors]);
  return id as number;
}
