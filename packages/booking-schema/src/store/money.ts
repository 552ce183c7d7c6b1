// Money in and out of the database.

/** A money value read from the database, as the interface's two-decimal string. */
export function moneyOut(value: number | string): string {
  return Number(value).toFixed(2);
}

/** FR6: the price of a range at an hourly price, rounded to the cent. */
export function priceFor(hourlyPrice: number | string, start: Date, end: Date): string {
  const hours = (end.getTime() - start.getTime()) / 3_600_000;
  return (Math.round(Number(hourlyPrice) * hours * 100) / 100).toFixed(2);
}
