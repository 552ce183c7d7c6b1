import type { Migration } from '../migration.js';

// Timestamps are stored to the millisecond, as the API shows them, so sorting by createdAt
// agrees with the values a client sees. Names sort with COLLATE "C" (code point order).
export const initialSchema: Migration = {
  id: '0001-initial-schema',
  sql: `
    CREATE TABLE products (
      id          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      sku         text        NOT NULL,
      name        text        NOT NULL,
      description text,
      price_cents integer     NOT NULL CHECK (price_cents BETWEEN 0 AND 100000000),
      stock       integer     NOT NULL DEFAULT 0 CHECK (stock >= 0),
      version     integer     NOT NULL DEFAULT 1,
      created_at  timestamptz NOT NULL,
      updated_at  timestamptz NOT NULL,
      CONSTRAINT products_sku_key UNIQUE (sku)
    );

    CREATE TABLE stock_movements (
      id         integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      product_id integer     NOT NULL REFERENCES products (id) ON DELETE CASCADE,
      type       text        NOT NULL CHECK (type IN ('receive', 'ship')),
      quantity   integer     NOT NULL CHECK (quantity > 0),
      reason     text        NOT NULL,
      created_at timestamptz NOT NULL
    );
    CREATE INDEX stock_movements_product_id_idx ON stock_movements (product_id, id);

    -- Idempotency-Key records for stock movements (senior extra): the request and its answer.
    CREATE TABLE idempotency_keys (
      key        text PRIMARY KEY,
      product_id integer     NOT NULL,
      request    text        NOT NULL,
      status     integer,
      answer     text,
      created_at timestamptz NOT NULL DEFAULT now()
    );
  `,
};
