/** RFC 9457 problem details, the body of every error response. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
}

export interface FieldError {
  field: string;
  message: string;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** The error catalogue: one stable type URI per kind of failure, mirrored in the README table. */
export const ProblemType = Object.freeze({
  validation: 'https://faultline.dev/problems/validation',
  notFound: 'https://faultline.dev/problems/not-found',
  insufficientStock: 'https://faultline.dev/problems/insufficient-stock',
  conflict: 'https://faultline.dev/problems/conflict',
  unknownCoupon: 'https://faultline.dev/problems/unknown-coupon',
  malformedRequest: 'https://faultline.dev/problems/malformed-request',
  internal: 'https://faultline.dev/problems/internal',
});
