// The BookingStore over plain node-postgres and hand-written SQL (schema: db/migrations.ts).
import type pg from 'pg';
import { connect, type ConnectionOptions } from '../db/connection.js';
import { migrate } from '../db/migrate.js';
import { loadDataset } from '../load/loader.js';
import * as args from './arguments.js';
import { formatCents, formatTenThousandths } from './money.js';
import {
  StoreError,
  type AuditEntry, type AvailabilityQuery, type AvailableResource, type BookingStore, type HistoryItem, type HistoryPage,
  type HistoryQuery, type NewBooking, type OccupancyQuery, type OccupancyRow, type Period, type PlacedBooking, type Status,
  type TopCustomer,
} from './types.js';

export function createBookingStore(options: ConnectionOptions): BookingStore {
  return new SqlBookingStore(connect(options));
}

/** SQLSTATEs PostgreSQL may raise when concurrent writers collide; the statement is safe to retry. */
const RETRYABLE = new Set(['40P01', '40001']);
const EXCLUSION_VIOLATION = '23P01';
const FOREIGN_KEY_VIOLATION = '23503';

/** The columns of a booking as Q2 describes it, from `booking b` joined to its resource, venue and city. */
const ITEM_COLUMNS = `
  b.id AS "bookingId", b.resource_id AS "resourceId", r.name AS "resourceName", v.name AS "venueName", c.name AS city,
  lower(b.during) AS start_at, upper(b.during) AS end_at, b.status, b.price_cents::text AS price_cents`;
const ITEM_FROM = `
  booking b
  JOIN resource r ON r.id = b.resource_id
  JOIN venue v ON v.id = r.venue_id
  JOIN city c ON c.id = v.city_id`;

interface ItemRow {
  bookingId: number;
  resourceId: number;
  resourceName: string;
  venueName: string;
  city: string;
  start_at: Date;
  end_at: Date;
  status: Status;
  price_cents: string;
}

function toItem(row: ItemRow): HistoryItem {
  return {
    bookingId: row.bookingId,
    resourceId: row.resourceId,
    resourceName: row.resourceName,
    venueName: row.venueName,
    city: row.city,
    start: row.start_at.toISOString(),
    end: row.end_at.toISOString(),
    status: row.status,
    price: formatCents(row.price_cents),
  };
}

class SqlBookingStore implements BookingStore {
  constructor(private readonly pool: pg.Pool) {}

  async migrate(): Promise<void> {
    await migrate(this.pool);
  }

  async load(dir: string): Promise<{ rows: Record<string, number> }> {
    return { rows: await loadDataset(this.pool, dir) };
  }

  async searchAvailability(query: AvailabilityQuery): Promise<AvailableResource[]> {
    const city = typeof query.city === 'string' ? query.city : '';
    const minCapacity = args.integer(query.minCapacity, 'minCapacity', 1, 1_000_000);
    const amenities = args.codes(query.amenities ?? []);
    args.range(query.start, query.end);
    const limit = args.integer(query.limit, 'limit', 1, 200, 50);

    // The candidates (city, capacity, every wanted amenity: codes are distinct, so count the
    // matches) in result order; then, lazily until `limit` rows pass, "no active booking overlaps"
    // as one probe per resource of the exclusion constraint's gist index (resource_id =, during &&).
    // OFFSET 0 keeps both shapes: the candidates stay a sorted subquery, and NOT EXISTS stays a
    // per-row probe instead of an anti-join that would scan the index for the range alone.
    const { rows } = await this.pool.query<{
      resourceId: number; resourceName: string; venueId: number; venueName: string; capacity: number; hourly: string; price: string;
    }>(
      `SELECT r.id AS "resourceId", r.name AS "resourceName", r.venue_id AS "venueId", r.venue_name AS "venueName", r.capacity,
              r.hourly_price_cents::text AS hourly,
              range_price_cents(r.hourly_price_cents, tstzrange($4::timestamptz, $5::timestamptz, '[)'))::text AS price
       FROM (
         SELECT r.id, r.name, v.id AS venue_id, v.name AS venue_name, r.capacity, r.hourly_price_cents
         FROM city c
         JOIN venue v ON v.city_id = c.id
         JOIN resource r ON r.venue_id = v.id
         WHERE c.name = $1
           AND r.capacity >= $2
           AND (cardinality($3::text[]) = 0 OR (
                 SELECT count(*) FROM resource_amenity ra JOIN amenity a ON a.id = ra.amenity_id
                 WHERE ra.resource_id = r.id AND a.code = ANY($3::text[])) = cardinality($3::text[]))
         ORDER BY r.hourly_price_cents, r.id
         OFFSET 0
       ) r
       WHERE NOT EXISTS (
         SELECT 1 FROM booking b
         WHERE b.resource_id = r.id AND b.status <> 'cancelled' AND b.during && tstzrange($4::timestamptz, $5::timestamptz, '[)')
         OFFSET 0)
       ORDER BY r.hourly_price_cents, r.id
       LIMIT $6`,
      [city, minCapacity, amenities, query.start, query.end, limit],
    );
    return rows.map((row) => ({
      resourceId: row.resourceId,
      resourceName: row.resourceName,
      venueId: row.venueId,
      venueName: row.venueName,
      capacity: row.capacity,
      hourlyPrice: formatCents(row.hourly),
      price: formatCents(row.price),
    }));
  }

  async customerHistory(query: HistoryQuery): Promise<HistoryPage> {
    const customerId = args.id(query.customerId, 'customerId');
    const limit = args.integer(query.limit, 'limit', 1, 100, 20);
    const after = decodeCursor(query.cursor ?? null, customerId);
    const customer = await this.pool.query('SELECT 1 FROM customer WHERE id = $1', [customerId]);
    if (customer.rowCount === 0) throw new StoreError('not-found', `customer ${customerId} does not exist`);

    // Keyset: the rows after (start, id) of the previous page, along booking_customer_history.
    const { rows } = await this.pool.query<ItemRow & { start_key: string }>(
      `SELECT ${ITEM_COLUMNS},
              to_char(lower(b.during) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS start_key
       FROM ${ITEM_FROM}
       WHERE b.customer_id = $1
         AND ($2::timestamptz IS NULL OR (lower(b.during), b.id) < ($2::timestamptz, $3::integer))
       ORDER BY lower(b.during) DESC, b.id DESC
       LIMIT $4`,
      [customerId, after?.start ?? null, after?.id ?? null, limit + 1],
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toItem),
      nextCursor: rows.length > limit && last ? encodeCursor({ customerId, start: last.start_key, id: last.bookingId }) : null,
    };
  }

  async placeBooking(booking: NewBooking): Promise<PlacedBooking> {
    const resourceId = args.id(booking.resourceId, 'resourceId');
    const customerId = args.id(booking.customerId, 'customerId');
    args.range(booking.start, booking.end);
    const status = booking.status ?? 'held';
    if (status !== 'held' && status !== 'confirmed') throw new StoreError('invalid-argument', 'status must be held or confirmed');

    // One statement, so one transaction: the booking (priced by the database from the resource's
    // hourly price) and its audit entry 1. The exclusion constraint decides overlaps. The resource
    // row is locked first, so this store's placements of one resource queue instead of
    // deadlocking inside the exclusion check (two in-progress inserts waiting for each other).
    const statement = `
      WITH r AS (
        SELECT id, hourly_price_cents FROM resource WHERE id = $1 FOR NO KEY UPDATE
      ), placed AS (
        INSERT INTO booking (resource_id, customer_id, during, status, price_cents, created_at)
        SELECT r.id, cu.id, w.during, $5::booking_status, range_price_cents(r.hourly_price_cents, w.during), now()
        FROM (SELECT tstzrange($3::timestamptz, $4::timestamptz, '[)') AS during) w
        CROSS JOIN r
        JOIN customer cu ON cu.id = $2
        RETURNING id, status, price_cents, created_at
      ), audited AS (
        INSERT INTO audit_entry (booking_id, seq, from_status, to_status, changed_at)
        SELECT id, 1, NULL::booking_status, status, now() FROM placed
      )
      SELECT id, status, price_cents::text AS price_cents, created_at FROM placed`;
    const params = [resourceId, customerId, booking.start, booking.end, status];
    for (let attempt = 1; ; attempt++) {
      try {
        const { rows } = await this.pool.query<{ id: number; status: 'held' | 'confirmed'; price_cents: string; created_at: Date }>(statement, params);
        const row = rows[0];
        if (!row) throw await this.missing(resourceId, customerId);
        return { bookingId: row.id, status: row.status, price: formatCents(row.price_cents), createdAt: row.created_at.toISOString() };
      } catch (error) {
        const code = sqlState(error);
        if (code === EXCLUSION_VIOLATION) {
          throw new StoreError('overlap', `resource ${resourceId} already has an active booking overlapping ${booking.start} – ${booking.end}`);
        }
        // A customer or resource that disappeared between the join and the foreign key check.
        if (code === FOREIGN_KEY_VIOLATION) throw await this.missing(resourceId, customerId);
        // Two inserts that each wait for the other's in-progress row: retry; the winner's row
        // is then committed and this attempt ends in the exclusion violation above.
        if (code !== undefined && RETRYABLE.has(code) && attempt < 5) continue;
        throw error;
      }
    }
  }

  async confirmBooking(input: { bookingId: number }): Promise<HistoryItem> {
    const bookingId = args.id(input.bookingId, 'bookingId');
    return this.transition(bookingId, ['held'], 'confirmed', null);
  }

  async cancelBooking(input: { bookingId: number; reason: string }): Promise<HistoryItem> {
    const bookingId = args.id(input.bookingId, 'bookingId');
    const reason = args.text(input.reason, 'reason', 500);
    return this.transition(bookingId, ['held', 'confirmed'], 'cancelled', reason);
  }

  async occupancy(query: OccupancyQuery): Promise<OccupancyRow[]> {
    const { start, end } = args.month(query.month);
    const city = query.city ?? null;
    if (city !== null && typeof city !== 'string') throw new StoreError('invalid-argument', 'city must be a city name or null');

    // Booked time is summed in microseconds (exact integers); both ratios are rounded half up to
    // 4 places once, with integer division: div(2·x·10⁴ + d, 2·d).
    // The ~60,000 rows of a month over every venue come back as one JSON array: far cheaper to
    // parse than as many result rows.
    const { rows: [result] } = await this.pool.query<{ rows: Array<{
      venueId: number; venueName: string; day: string; booked: string; bookableHours: number; occupancy: string;
    }> }>(
      `WITH venues AS MATERIALIZED (
         SELECT v.id, v.name, (SELECT count(*) FROM resource r WHERE r.venue_id = v.id) AS resources
         FROM venue v JOIN city c ON c.id = v.city_id
         WHERE $3::text IS NULL OR c.name = $3::text
       ),
       booked AS (
         -- Each confirmed booking overlapping the month (found through the exclusion constraint's
         -- gist index), clipped to the month, then cut at each UTC midnight.
         SELECT r.venue_id, d.day,
                sum(extract(epoch FROM least(upper(x.part), d.day + interval '1 day') - greatest(lower(x.part), d.day)) * 1000000) AS micros
         FROM booking b
         JOIN resource r ON r.id = b.resource_id
         CROSS JOIN LATERAL (SELECT b.during * tstzrange($1::timestamptz, $2::timestamptz, '[)') AS part) x
         CROSS JOIN LATERAL generate_series(date_trunc('day', lower(x.part), 'UTC'), upper(x.part) - interval '1 microsecond', interval '1 day') AS d(day)
         WHERE b.during && tstzrange($1::timestamptz, $2::timestamptz, '[)') AND b.status = 'confirmed'
           AND ($3::text IS NULL OR r.venue_id IN (SELECT id FROM venues))
         GROUP BY r.venue_id, d.day
       )
       SELECT coalesce(json_agg(json_build_object(
                'venueId', venues.id, 'venueName', venues.name, 'day', to_char(days.day, 'YYYY-MM-DD'),
                'booked', div(2 * coalesce(booked.micros, 0) * 10000 + 3600000000, 7200000000)::text,
                'bookableHours', 24 * venues.resources,
                'occupancy', CASE WHEN venues.resources = 0 THEN '0'
                                  ELSE div(2 * coalesce(booked.micros, 0) * 10000 + 86400000000 * venues.resources,
                                           2 * 86400000000 * venues.resources)::text END)
              ORDER BY venues.id, days.day), '[]') AS rows
       FROM venues
       CROSS JOIN generate_series($1::timestamptz, $2::timestamptz - interval '1 day', interval '1 day') AS days(day)
       LEFT JOIN booked ON booked.venue_id = venues.id AND booked.day = days.day`,
      [start.toISOString(), end.toISOString(), city],
    );
    return (result?.rows ?? []).map((row) => ({
      venueId: row.venueId,
      venueName: row.venueName,
      day: row.day,
      bookedHours: formatTenThousandths(row.booked),
      bookableHours: row.bookableHours,
      occupancy: formatTenThousandths(row.occupancy),
    }));
  }

  async revenue(period: Period): Promise<{ revenue: string }> {
    args.range(period.start, period.end);
    const { rows } = await this.pool.query<{ cents: string }>(
      `SELECT coalesce(sum(CASE p.kind WHEN 'refund' THEN -p.amount_cents ELSE p.amount_cents END), 0)::text AS cents
       FROM payment p
       WHERE p.made_at >= $1::timestamptz AND p.made_at < $2::timestamptz`,
      [period.start, period.end],
    );
    return { revenue: formatCents(rows[0]?.cents ?? '0') };
  }

  async topCustomers(query: Period & { limit?: number }): Promise<TopCustomer[]> {
    args.range(query.start, query.end);
    const limit = args.integer(query.limit, 'limit', 1, 100, 10);
    const { rows } = await this.pool.query<{ customerId: number; customerName: string; cents: string }>(
      `WITH per_customer AS (
         SELECT p.customer_id, sum(CASE p.kind WHEN 'refund' THEN -p.amount_cents ELSE p.amount_cents END) AS cents
         FROM payment p
         WHERE p.made_at >= $1::timestamptz AND p.made_at < $2::timestamptz
         GROUP BY p.customer_id
         ORDER BY cents DESC, p.customer_id
         LIMIT $3
       )
       SELECT cu.id AS "customerId", cu.name AS "customerName", pc.cents::text AS cents
       FROM per_customer pc JOIN customer cu ON cu.id = pc.customer_id
       ORDER BY pc.cents DESC, cu.id`,
      [query.start, query.end, limit],
    );
    return rows.map((row) => ({ customerId: row.customerId, customerName: row.customerName, revenue: formatCents(row.cents) }));
  }

  async auditTrail(input: { bookingId: number }): Promise<AuditEntry[]> {
    const bookingId = args.id(input.bookingId, 'bookingId');
    const { rows } = await this.pool.query<{ seq: number | null; from_status: Status | null; to_status: Status; changed_at: Date; reason: string | null }>(
      `SELECT e.seq, e.from_status, e.to_status, e.changed_at, x.reason
       FROM booking b
       LEFT JOIN audit_entry e ON e.booking_id = b.id
       LEFT JOIN cancellation x ON x.booking_id = e.booking_id AND e.to_status = 'cancelled'
       WHERE b.id = $1
       ORDER BY e.seq`,
      [bookingId],
    );
    if (rows.length === 0) throw new StoreError('not-found', `booking ${bookingId} does not exist`);
    return rows
      .filter((row) => row.seq !== null)
      .map((row) => ({
        seq: row.seq as number,
        fromStatus: row.from_status,
        toStatus: row.to_status,
        changedAt: row.changed_at.toISOString(),
        reason: row.reason ?? null,
      }));
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  /** The not-found error for whichever of the resource and the customer does not exist. */
  private async missing(resourceId: number, customerId: number): Promise<StoreError> {
    const { rows } = await this.pool.query<{ resource: boolean; customer: boolean }>(
      'SELECT EXISTS (SELECT 1 FROM resource WHERE id = $1) AS resource, EXISTS (SELECT 1 FROM customer WHERE id = $2) AS customer',
      [resourceId, customerId],
    );
    if (!rows[0]?.resource) return new StoreError('not-found', `resource ${resourceId} does not exist`);
    return new StoreError('not-found', `customer ${customerId} does not exist`);
  }

  /** One transaction: lock the booking, check the transition, write the status, cancellation and audit entry. */
  private async transition(bookingId: number, from: Status[], to: Status, reason: string | null): Promise<HistoryItem> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const current = await client.query<{ status: Status }>('SELECT status FROM booking WHERE id = $1 FOR NO KEY UPDATE', [bookingId]);
      const status = current.rows[0]?.status;
      if (status === undefined) throw new StoreError('not-found', `booking ${bookingId} does not exist`);
      if (!from.includes(status)) throw new StoreError('invalid-transition', `booking ${bookingId} is ${status}; it cannot become ${to}`);
      const { rows } = await client.query<ItemRow>(
        `WITH changed AS (
           UPDATE booking SET status = $2::booking_status WHERE id = $1 RETURNING id
         ), audited AS (
           INSERT INTO audit_entry (booking_id, seq, from_status, to_status, changed_at)
           SELECT $1, coalesce(max(e.seq), 0) + 1, $3::booking_status, $2::booking_status, now()
           FROM audit_entry e WHERE e.booking_id = $1
         ), cancelled AS (
           INSERT INTO cancellation (booking_id, reason, cancelled_at)
           SELECT id, $4::text, now() FROM changed WHERE $4::text IS NOT NULL
         )
         SELECT ${ITEM_COLUMNS.replace('b.status', '$2::booking_status AS status')}
         FROM ${ITEM_FROM}
         WHERE b.id = $1`,
        [bookingId, to, status, reason],
      );
      await client.query('COMMIT');
      const row = rows[0];
      if (!row) throw new Error(`booking ${bookingId} vanished during its transition`);
      return toItem(row);
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}

function sqlState(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

interface Cursor {
  customerId: number;
  /** The last item's start, to the microsecond, as the database printed it. */
  start: string;
  id: number;
}

const CURSOR_START = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify({ v: 1, c: cursor.customerId, s: cursor.start, i: cursor.id })).toString('base64url');
}

/** The position a cursor of this method marks, or invalid-argument for anything else (or another customer's cursor). */
function decodeCursor(cursor: unknown, customerId: number): Cursor | null {
  if (cursor === null) return null;
  const refuse = () => new StoreError('invalid-argument', 'cursor is not one this method issued for this customer');
  if (typeof cursor !== 'string' || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw refuse();
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw refuse();
  }
  const { v, c, s, i } = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  if (v !== 1 || c !== customerId || typeof s !== 'string' || !CURSOR_START.test(s) || Number.isNaN(Date.parse(s))) throw refuse();
  if (typeof i !== 'number' || !Number.isSafeInteger(i) || i < 1) throw refuse();
  return { customerId, start: s, id: i };
}
