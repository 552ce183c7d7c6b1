export const sql = `
CREATE TABLE stock_movements (
  id          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  product_id  integer NOT NULL REFERENCES products (id) ON DELETE CASCADE,
  type        text NOT NULL CHECK (type IN ('receive', 'ship')),
  quantity    integer NOT NULL CHECK (quantity BETWEEN 1 AND 100000),
  reason      text NOT NULL,
  created_at  timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX stock_movements_product_idx ON stock_movements (product_id, id DESC);
`;
