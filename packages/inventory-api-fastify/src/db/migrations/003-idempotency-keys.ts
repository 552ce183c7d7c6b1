// Answers to stock movements sent with an Idempotency-Key, replayed for at least 24 hours. The
// body is kept as the JSON text that was sent, so a replay is byte for byte the original.
export const sql = `
CREATE TABLE idempotency_keys (
  key             text PRIMARY KEY,
  product_id      integer NOT NULL,
  request         text NOT NULL,
  response_status integer NOT NULL,
  response_body   text NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now()
);
`;
