// Every migration, in the order they apply. Append new ones; never edit one that has shipped.
import * as products from './0001-products.js';
import * as stockMovements from './0002-stock-movements.js';
import * as idempotencyKeys from './0003-idempotency-keys.js';

export interface Migration {
  readonly name: string;
  readonly sql: string;
}

export const MIGRATIONS: readonly Migration[] = [products, stockMovements, idempotencyKeys];
