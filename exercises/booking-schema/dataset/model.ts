// The neutral booking dataset in memory: small entities as rows, the big ones (bookings, payments,
// audit entries) as columns of typed arrays so a million bookings stay cheap to generate and query.
// Times are epoch milliseconds (UTC); money is integer cents.

export const STATUSES = ['held', 'confirmed', 'cancelled'] as const;
export type Status = (typeof STATUSES)[number];
export const HELD = 0;
export const CONFIRMED = 1;
export const CANCELLED = 2;
export const KINDS = ['charge', 'refund'] as const;
export const CHARGE = 0;
export const REFUND = 1;

export interface City { id: number; name: string }
export interface Venue { id: number; cityId: number; name: string }
export interface Amenity { code: string; label: string }
export interface Resource { id: number; venueId: number; name: string; capacity: number; hourlyCents: number }
export interface Customer { id: number; name: string; email: string }

export interface Bookings {
  length: number;
  id: Int32Array;
  resourceId: Int32Array;
  customerId: Int32Array;
  start: Float64Array;
  end: Float64Array;
  status: Uint8Array;
  priceCents: Int32Array;
  createdAt: Float64Array;
}

export interface Cancellations { length: number; bookingId: Int32Array; reason: string[]; at: Float64Array }
export interface Payments { length: number; id: Int32Array; bookingId: Int32Array; kind: Uint8Array; cents: Int32Array; at: Float64Array }
/** `from` is -1 for the first entry (no previous status). */
export interface AuditEntries { length: number; bookingId: Int32Array; seq: Int32Array; from: Int8Array; to: Uint8Array; at: Float64Array }

export interface Dataset {
  name: string;
  seed: number;
  cities: City[];
  venues: Venue[];
  amenities: Amenity[];
  resources: Resource[];
  resourceAmenities: Array<{ resourceId: number; code: string }>;
  customers: Customer[];
  bookings: Bookings;
  cancellations: Cancellations;
  payments: Payments;
  audit: AuditEntries;
}

export function emptyBookings(capacity: number): Bookings {
  return {
    length: 0,
    id: new Int32Array(capacity),
    resourceId: new Int32Array(capacity),
    customerId: new Int32Array(capacity),
    start: new Float64Array(capacity),
    end: new Float64Array(capacity),
    status: new Uint8Array(capacity),
    priceCents: new Int32Array(capacity),
    createdAt: new Float64Array(capacity),
  };
}

export function emptyPayments(capacity: number): Payments {
  return { length: 0, id: new Int32Array(capacity), bookingId: new Int32Array(capacity), kind: new Uint8Array(capacity), cents: new Int32Array(capacity), at: new Float64Array(capacity) };
}

export function emptyAudit(capacity: number): AuditEntries {
  return { length: 0, bookingId: new Int32Array(capacity), seq: new Int32Array(capacity), from: new Int8Array(capacity), to: new Uint8Array(capacity), at: new Float64Array(capacity) };
}

export function emptyCancellations(capacity: number): Cancellations {
  return { length: 0, bookingId: new Int32Array(capacity), reason: [], at: new Float64Array(capacity) };
}

/** FR6: hourly price × hours, rounded half up to the cent. Exact in doubles below 2^53. */
export function priceCents(hourlyCents: number, startMs: number, endMs: number): number {
  const ms = endMs - startMs;
  return Math.floor((2 * hourlyCents * ms + 3_600_000) / 7_200_000);
}

export function money(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** Parses "12.30" / "-5.00" into cents; throws on anything else. */
export function cents(text: string): number {
  const match = /^(-?)(\d+)\.(\d{2})$/.exec(text);
  if (!match) throw new Error(`not a money string with two decimals: ${JSON.stringify(text)}`);
  const value = Number(match[2]) * 100 + Number(match[3]);
  return match[1] ? -value : value;
}
