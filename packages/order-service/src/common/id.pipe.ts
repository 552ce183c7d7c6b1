import { HttpStatus, ParseIntPipe } from '@nestjs/common';
import { validationFailed } from './errors.js';

/** Path ids are positive integers; anything else is a 400 problem naming the parameter. */
export const idPipe = (field = 'id'): ParseIntPipe =>
  new ParseIntPipe({
    errorHttpStatusCode: HttpStatus.BAD_REQUEST,
    exceptionFactory: () => validationFailed([{ field, message: `${field} must be a positive integer` }]),
  });
