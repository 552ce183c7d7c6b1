import { Injectable, type PipeTransform } from '@nestjs/common';
import { validationFailed } from './errors.js';

/** Largest value of a PostgreSQL integer column; ids beyond it cannot exist. */
export const MAX_ID = 2_147_483_647;

/** Path ids are integers from 1 to MAX_ID; anything else is a 400 problem naming the parameter. */
@Injectable()
export class IdPipe implements PipeTransform<string, number> {
  constructor(private readonly field = 'id') {}

  transform(value: string): number {
    const id = /^\d{1,10}$/.test(value) ? Number(value) : Number.NaN;
    if (!Number.isInteger(id) || id < 1 || id > MAX_ID) {
      throw validationFailed([{ field: this.field, message: `${this.field} must be an integer from 1 to ${MAX_ID}` }]);
    }
    return id;
  }
}

export const idPipe = (field = 'id'): IdPipe => new IdPipe(field);
