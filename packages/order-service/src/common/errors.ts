import { HttpException, HttpStatus } from '@nestjs/common';
import { type FieldError, ProblemType } from './problem.js';

export class ProblemException extends HttpException {
  constructor(
    status: HttpStatus,
    readonly problemType: string,
    readonly title: string,
    detail: string,
    readonly fieldErrors?: FieldError[],
  ) {
    super(detail, status);
  }
}

export const notFound = (resource: string, id: number | string): ProblemException =>
  new ProblemException(HttpStatus.NOT_FOUND, ProblemType.notFound, 'Not Found', `${resource} ${id} does not exist`);

export const insufficientStock = (productId: number, requested: number, available?: number): ProblemException =>
  new ProblemException(
    HttpStatus.CONFLICT,
    ProblemType.insufficientStock,
    'Insufficient stock',
    available === undefined
      ? `product ${productId}: ${requested} requested, not enough in stock`
      : `product ${productId}: ${requested} requested, ${available} in stock`,
  );

export const conflict = (detail: string): ProblemException =>
  new ProblemException(HttpStatus.CONFLICT, ProblemType.conflict, 'Conflict', detail);

export const unknownCoupon = (code: string): ProblemException =>
  new ProblemException(
    HttpStatus.UNPROCESSABLE_ENTITY,
    ProblemType.unknownCoupon,
    'Unknown coupon',
    `coupon ${code} does not exist or is no longer active`,
  );

export const validationFailed = (errors: FieldError[]): ProblemException =>
  new ProblemException(
    HttpStatus.BAD_REQUEST,
    ProblemType.validation,
    'Validation failed',
    errors.map((e) => `${e.field}: ${e.message}`).join('; '),
    errors,
  );
