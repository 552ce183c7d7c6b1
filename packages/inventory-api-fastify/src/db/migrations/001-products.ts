// Timestamps keep milliseconds, the precision the API returns, so sorting by createdAt agrees
// with what clients see (REQUIREMENTS.md R11).
export const sql = `
CREATE TABLE products (
  id          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  sku         text NOT NULL UNIQUE,
  name        text NOT NULL,
  description text,
  price_cents integer NOT NULL CHECK (price_cents BETWEEN 0 AND 100000000),
  stock       integer NOT NULL DEFAULT 0 CHECK (stock >= 0),
  version     integer NOT NULL DEFAULT 1,
  created_at  timestamptz(3) NOT NULL DEFAULT now(),
  updated_at  timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX products_name_idx ON products (name COLLATE "C", id);
`;
