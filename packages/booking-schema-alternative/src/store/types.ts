// The contract every design keeps: method names, parameters, result fields and error codes
// (REQUIREMENTS.md, "The BookingStore methods"). Times are ISO 8601 UTC strings with milliseconds;
// money is a string with exactly two decimals; ids are numbers.

export type Status = 'held' | 'confirmed' | 'cancelled';
export type ErrorCode = 'not-found' | 'overlap' | 'invalid-transition' | 'invalid-argument';

/** A refused call. A refused call changes nothing. */
export class StoreError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

export interface AvailabilityQuery {
  city: string;
  minCapacity: number;
  amenities: string[];
  start: string;
  end: string;
  limit?: number;
}

export interface AvailableResource {
  resourceId: number;
  resourceName: string;
  venueId: number;
  venueName: string;
  capacity: number;
  hourlyPrice: string;
  price: string;
}

export interface HistoryQuery {
  customerId: number;
  limit?: number;
  cursor?: string | null;
}

export interface HistoryItem {
  bookingId: number;
  resourceId: number;
  resourceName: string;
  venueName: string;
  city: string;
  start: string;
  end: string;
  status: Status;
  price: string;
}

export interface HistoryPage {
  items: HistoryItem[];
  nextCursor: string | null;
}

export interface NewBooking {
  resourceId: number;
  customerId: number;
  start: string;
  end: string;
  status?: 'held' | 'confirmed';
}

export interface PlacedBooking {
  bookingId: number;
  status: 'held' | 'confirmed';
  price: string;
  createdAt: string;
}

export interface OccupancyQuery {
  /** YYYY-MM */
  month: string;
  city: string | null;
}

export interface OccupancyRow {
  venueId: number;
  venueName: string;
  /** YYYY-MM-DD */
  day: string;
  bookedHours: string;
  bookableHours: number;
  occupancy: string;
}

export interface Period {
  start: string;
  end: string;
}

export interface TopCustomer {
  customerId: number;
  customerName: string;
  revenue: string;
}

export interface AuditEntry {
  seq: number;
  fromStatus: Status | null;
  toStatus: Status;
  changedAt: string;
  reason: string | null;
}

export interface LoadResult {
  /** Rows written per file of the dataset. */
  rows: Record<string, number>;
}

export interface BookingStore {
  /** Applies every pending migration. */
  migrate(): Promise<void>;
  /** Loads the neutral dataset in `dir` (FR15). */
  load(dir: string): Promise<LoadResult>;
  /** Q1 */
  searchAvailability(query: AvailabilityQuery): Promise<AvailableResource[]>;
  /** Q2 */
  customerHistory(query: HistoryQuery): Promise<HistoryPage>;
  /** Q3 */
  placeBooking(booking: NewBooking): Promise<PlacedBooking>;
  /** Q3 */
  confirmBooking(args: { bookingId: number }): Promise<HistoryItem>;
  /** Q4 */
  cancelBooking(args: { bookingId: number; reason: string }): Promise<HistoryItem>;
  /** Q5 */
  occupancy(query: OccupancyQuery): Promise<OccupancyRow[]>;
  /** Q6 */
  revenue(period: Period): Promise<{ revenue: string }>;
  /** Q6 */
  topCustomers(query: Period & { limit?: number }): Promise<TopCustomer[]>;
  /** Q7 */
  auditTrail(args: { bookingId: number }): Promise<AuditEntry[]>;
  close(): Promise<void>;
}

/** The methods a client may call over the RPC surface (everything but close). */
export const METHODS = [
  'migrate', 'load', 'searchAvailability', 'customerHistory', 'placeBooking', 'confirmBooking',
  'cancelBooking', 'occupancy', 'revenue', 'topCustomers', 'auditTrail',
] as const satisfies ReadonlyArray<keyof BookingStore>;
export type Method = (typeof METHODS)[number];
