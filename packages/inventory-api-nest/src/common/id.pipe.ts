import { Injectable, type PipeTransform } from '@nestjs/common';
import { validationProblem } from './problem.js';

/** Path ids are positive decimal integers; anything else is a 400 naming the field `id`. */
@Injectable()
export class IdPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    const id = Number(value);
    if (/^\d+$/.test(value) && Number.isSafeInteger(id) && id > 0) return id;
    throw validationProblem([{ field: 'id', message: 'must be a positive integer' }]);
  }
}
