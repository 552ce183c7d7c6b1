import * as products from './001-products.js';
import * as stockMovements from './002-stock-movements.js';
import * as idempotencyKeys from './003-idempotency-keys.js';

export interface Migration {
  id: string;
  sql: string;
}

/** In the order they apply; ids are recorded in schema_migrations and never reused. */
export const MIGRATIONS: readonly Migration[] = [
  { id: '001-products', sql: products.sql },
  { id: '002-stock-movements', sql: stockMovements.sql },
  { id: '003-idempotency-keys', sql: idempotencyKeys.sql },
];
