// Money crosses the wire as bigint cents in text (node-postgres returns int8 and numeric as
// strings) and leaves as a two-decimal string. Only BigInt arithmetic: no floating point.

/** Cents, as the database's text of an integer, to "1234.50" / "-5.00". */
export function formatCents(cents: string | bigint): string {
  const value = typeof cents === 'bigint' ? cents : parseInteger(cents);
  const sign = value < 0n ? '-' : '';
  const abs = value < 0n ? -value : value;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

/** A count of 1/10,000 units, as text of an integer, to a 4-decimal string ("0.0278"). */
export function formatTenThousandths(value: string): string {
  const n = parseInteger(value);
  const sign = n < 0n ? '-' : '';
  const abs = n < 0n ? -n : n;
  return `${sign}${abs / 10_000n}.${String(abs % 10_000n).padStart(4, '0')}`;
}

function parseInteger(text: string): bigint {
  if (typeof text !== 'string' || !/^-?\d+$/.test(text)) throw new Error(`expected an integer from the database, got ${String(text)}`);
  return BigInt(text);
}
