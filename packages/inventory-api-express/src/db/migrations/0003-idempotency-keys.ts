// Idempotency-Key records for stock movements: the request a key was first used for and its
// outcome, replayed for a repeat (REQUIREMENTS.md R18). `outcome` is null until that first
// request commits; nobody else sees the row before then.
export const name = '0003-idempotency-keys';

export const sql = `
CREATE TABLE idempotency_keys (
  key        text PRIMARY KEY,
  product_id integer NOT NULL,
  request    text NOT NULL,
  outcome    text,
  created_at timestamptz(3) NOT NULL DEFAULT now()
);
`;
