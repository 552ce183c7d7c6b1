import { sql, type Kysely, type Transaction } from 'kysely';
import type pg from 'pg';
import { connect, type ConnectionOptions } from '../db/connection.js';
import { migrateToLatest } from '../db/migrate.js';
import type { Database } from '../db/schema.js';
import { loadDataset } from '../load/loader.js';
import * as args from './arguments.js';
import { moneyOut, priceFor } from './money.js';
import {
  StoreError,
  type AuditEntry, type AvailabilityQuery, type AvailableResource, type BookingStore, type HistoryItem, type HistoryPage,
  type HistoryQuery, type NewBooking, type OccupancyQuery, type OccupancyRow, type Period, type PlacedBooking, type Status,
  type TopCustomer,
} from './types.js';

export function createBookingStore(options: ConnectionOptions): BookingStore {
  const { db, pool } = connect(options);
  return new KyselyBookingStore(db, pool);
}

class KyselyBookingStore implements BookingStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly pool: pg.Pool,
  ) {}

  async migrate(): Promise<void> {
    await migrateToLatest(this.db as Kysely<unknown>);
  }

  async load(dir: string): Promise<{ rows: Record<string, number> }> {
    return { rows: await loadDataset(this.pool, dir) };
  }

  async searchAvailability(query: AvailabilityQuery): Promise<AvailableResource[]> {
    const city = typeof query.city === 'string' ? query.city : '';
    const minCapacity = args.integer(query.minCapacity, 'minCapacity', 1, 1_000_000);
    const amenities = args.codes(query.amenities ?? []);
    const { start, end } = args.range(query.start, query.end);
    const limit = args.integer(query.limit, 'limit', 1, 200, 50);

    let q = this.db
      .selectFrom('resources as r')
      .innerJoin('venues as v', 'v.id', 'r.venue_id')
      .innerJoin('cities as c', 'c.id', 'v.city_id')
      .select(['r.id as resourceId', 'r.name as resourceName', 'v.id as venueId', 'v.name as venueName', 'r.capacity', 'r.hourly_price'])
      .where('c.name', '=', city)
      .where('r.capacity', '>=', minCapacity);
    for (const code of amenities) {
      q = q.where(({ exists, selectFrom }) =>
        exists(selectFrom('resource_amenities as ra').select(sql`1`.as('one')).whereRef('ra.resource_id', '=', 'r.id').where('ra.amenity_code', '=', code)),
      );
    }
    const rows = await q
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('bookings as b')
              .select(sql`1`.as('one'))
              .whereRef('b.resource_id', '=', 'r.id')
              .where('b.status', '<>', 'cancelled')
              .where('b.start_at', '<', end)
              .where('b.end_at', '>', start),
          ),
        ),
      )
      .orderBy('r.hourly_price')
      .orderBy('r.id')
      .limit(limit)
      .execute();
    return rows.map((row) => ({
      resourceId: row.resourceId,
      resourceName: row.resourceName,
      venueId: row.venueId,
      venueName: row.venueName,
      capacity: row.capacity,
      hourlyPrice: moneyOut(row.hourly_price),
      price: priceFor(row.hourly_price, start, end),
    }));
  }

  async customerHistory(query: HistoryQuery): Promise<HistoryPage> {
    const customerId = args.id(query.customerId, 'customerId');
    const limit = args.integer(query.limit, 'limit', 1, 100, 20);
    const offset = decodeCursor(query.cursor ?? null);
    const customer = await this.db.selectFrom('customers').select('id').where('id', '=', customerId).executeTakeFirst();
    if (!customer) throw new StoreError('not-found', `customer ${customerId} does not exist`);

    const rows = await this.historyQuery(this.db)
      .where('b.customer_id', '=', customerId)
      .orderBy('b.start_at', 'desc')
      .orderBy('b.id', 'desc')
      .offset(offset)
      .limit(limit + 1)
      .execute();
    const items = rows.slice(0, limit).map(toHistoryItem);
    return { items, nextCursor: rows.length > limit ? encodeCursor(offset + limit) : null };
  }

  async placeBooking(booking: NewBooking): Promise<PlacedBooking> {
    const resourceId = args.id(booking.resourceId, 'resourceId');
    const customerId = args.id(booking.customerId, 'customerId');
    const { start, end } = args.range(booking.start, booking.end);
    const status = booking.status ?? 'held';
    if (status !== 'held' && status !== 'confirmed') throw new StoreError('invalid-argument', 'status must be held or confirmed');

    return this.db.transaction().execute(async (trx) => {
      const resource = await trx.selectFrom('resources').select(['id', 'hourly_price']).where('id', '=', resourceId).executeTakeFirst();
      if (!resource) throw new StoreError('not-found', `resource ${resourceId} does not exist`);
      const customer = await trx.selectFrom('customers').select('id').where('id', '=', customerId).executeTakeFirst();
      if (!customer) throw new StoreError('not-found', `customer ${customerId} does not exist`);

      const clash = await trx
        .selectFrom('bookings')
        .select('id')
        .where('resource_id', '=', resourceId)
        .where('status', '<>', 'cancelled')
        .where('start_at', '<', end)
        .where('end_at', '>', start)
        .executeTakeFirst();
      if (clash) throw new StoreError('overlap', `resource ${resourceId} is already booked in that range (booking ${clash.id})`);

      const price = priceFor(resource.hourly_price, start, end);
      const inserted = await trx
        .insertInto('bookings')
        .values({ resource_id: resourceId, customer_id: customerId, start_at: start, end_at: end, status, price: Number(price) })
        .returning(['id', 'created_at'])
        .executeTakeFirstOrThrow();
      await trx.insertInto('audit_entries').values({ booking_id: inserted.id, seq: 1, from_status: null, to_status: status }).execute();
      return { bookingId: inserted.id, status, price, createdAt: inserted.created_at.toISOString() };
    });
  }

  async confirmBooking(input: { bookingId: number }): Promise<HistoryItem> {
    const bookingId = args.id(input.bookingId, 'bookingId');
    return this.changeStatus(bookingId, ['held'], 'confirmed', null);
  }

  async cancelBooking(input: { bookingId: number; reason: string }): Promise<HistoryItem> {
    const bookingId = args.id(input.bookingId, 'bookingId');
    const reason = args.text(input.reason, 'reason', 500);
    return this.changeStatus(bookingId, ['held', 'confirmed'], 'cancelled', reason);
  }

  async occupancy(query: OccupancyQuery): Promise<OccupancyRow[]> {
    const { start, end } = args.month(query.month);
    const city = query.city ?? null;
    if (city !== null && typeof city !== 'string') throw new StoreError('invalid-argument', 'city must be a city name or null');
    const result = await sql<{ venueId: number; venueName: string; day: string; bookedHours: string; bookableHours: number; occupancy: string }>`
      WITH venue AS (
        SELECT v.id, v.name, count(r.id)::int AS resources
        FROM venues v
        JOIN cities c ON c.id = v.city_id
        LEFT JOIN resources r ON r.venue_id = v.id
        WHERE ${city}::text IS NULL OR c.name = ${city}
        GROUP BY v.id, v.name
      ),
      day AS (
        SELECT d AS day_start, d + interval '1 day' AS day_end
        FROM generate_series(${start}::timestamptz, ${end}::timestamptz - interval '1 day', interval '1 day') AS d
      ),
      booked AS (
        SELECT r.venue_id, d.day_start,
               sum(extract(epoch FROM least(b.end_at, d.day_end) - greatest(b.start_at, d.day_start))) AS seconds
        FROM bookings b
        JOIN resources r ON r.id = b.resource_id
        JOIN day d ON b.start_at < d.day_end AND b.end_at > d.day_start
        WHERE b.status = 'confirmed' AND b.start_at < ${end} AND b.end_at > ${start}
        GROUP BY r.venue_id, d.day_start
      )
      SELECT venue.id AS "venueId", venue.name AS "venueName",
             to_char(day.day_start AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day,
             round(coalesce(booked.seconds, 0) / 3600, 4)::text AS "bookedHours",
             24 * venue.resources AS "bookableHours",
             CASE WHEN venue.resources = 0 THEN '0.0000'
                  ELSE round(coalesce(booked.seconds, 0) / (86400 * venue.resources), 4)::text END AS occupancy
      FROM venue
      CROSS JOIN day
      LEFT JOIN booked ON booked.venue_id = venue.id AND booked.day_start = day.day_start
      ORDER BY venue.id, day.day_start
    `.execute(this.db);
    return result.rows;
  }

  async revenue(period: Period): Promise<{ revenue: string }> {
    const { start, end } = args.range(period.start, period.end);
    const row = await this.db
      .selectFrom('payments')
      .select(sql<number | null>`sum(CASE WHEN kind = 'refund' THEN -amount ELSE amount END)`.as('revenue'))
      .where('made_at', '>=', start)
      .where('made_at', '<', end)
      .executeTakeFirst();
    return { revenue: moneyOut(row?.revenue ?? 0) };
  }

  async topCustomers(query: Period & { limit?: number }): Promise<TopCustomer[]> {
    const { start, end } = args.range(query.start, query.end);
    const limit = args.integer(query.limit, 'limit', 1, 100, 10);
    const rows = await this.db
      .selectFrom('payments as p')
      .innerJoin('bookings as b', 'b.id', 'p.booking_id')
      .innerJoin('customers as c', 'c.id', 'b.customer_id')
      .select(['c.id as customerId', 'c.name as customerName'])
      .select(sql<number>`sum(CASE WHEN p.kind = 'refund' THEN -p.amount ELSE p.amount END)`.as('revenue'))
      .where('p.made_at', '>=', start)
      .where('p.made_at', '<', end)
      .groupBy(['c.id', 'c.name'])
      .orderBy('revenue', 'desc')
      .orderBy('c.id')
      .limit(limit)
      .execute();
    return rows.map((row) => ({ customerId: row.customerId, customerName: row.customerName, revenue: moneyOut(row.revenue) }));
  }

  async auditTrail(input: { bookingId: number }): Promise<AuditEntry[]> {
    const bookingId = args.id(input.bookingId, 'bookingId');
    const booking = await this.db.selectFrom('bookings').select('id').where('id', '=', bookingId).executeTakeFirst();
    if (!booking) throw new StoreError('not-found', `booking ${bookingId} does not exist`);
    const rows = await this.db
      .selectFrom('audit_entries as a')
      .leftJoin('cancellations as x', (join) => join.onRef('x.booking_id', '=', 'a.booking_id').on('a.to_status', '=', 'cancelled'))
      .select(['a.seq', 'a.from_status', 'a.to_status', 'a.changed_at', 'x.reason'])
      .where('a.booking_id', '=', bookingId)
      .orderBy('a.seq')
      .execute();
    return rows.map((row) => ({
      seq: row.seq,
      fromStatus: row.from_status as Status | null,
      toStatus: row.to_status as Status,
      changedAt: row.changed_at.toISOString(),
      reason: row.reason ?? null,
    }));
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }

  private historyQuery(db: Kysely<Database> | Transaction<Database>) {
    return db
      .selectFrom('bookings as b')
      .innerJoin('resources as r', 'r.id', 'b.resource_id')
      .innerJoin('venues as v', 'v.id', 'r.venue_id')
      .innerJoin('cities as c', 'c.id', 'v.city_id')
      .select(['b.id', 'b.resource_id', 'r.name as resource_name', 'v.name as venue_name', 'c.name as city', 'b.start_at', 'b.end_at', 'b.status', 'b.price']);
  }

  /** One transaction: lock the booking, check the transition, write the change and its audit entry. */
  private changeStatus(bookingId: number, from: Status[], to: Status, reason: string | null): Promise<HistoryItem> {
    return this.db.transaction().execute(async (trx) => {
      const current = await trx.selectFrom('bookings').select(['id', 'status']).where('id', '=', bookingId).forUpdate().executeTakeFirst();
      if (!current) throw new StoreError('not-found', `booking ${bookingId} does not exist`);
      if (!from.includes(current.status as Status)) {
        throw new StoreError('invalid-transition', `booking ${bookingId} is ${current.status}; it cannot become ${to}`);
      }
      await trx.updateTable('bookings').set({ status: to }).where('id', '=', bookingId).execute();
      if (to === 'cancelled' && reason !== null) {
        await trx.insertInto('cancellations').values({ booking_id: bookingId, reason }).execute();
      }
      const last = await trx.selectFrom('audit_entries').select(sql<number>`max(seq)`.as('seq')).where('booking_id', '=', bookingId).executeTakeFirst();
      await trx.insertInto('audit_entries').values({ booking_id: bookingId, seq: (last?.seq ?? 0) + 1, from_status: current.status, to_status: to }).execute();
      const row = await this.historyQuery(trx).where('b.id', '=', bookingId).executeTakeFirstOrThrow();
      return toHistoryItem(row);
    });
  }
}

interface HistoryRow {
  id: number;
  resource_id: number;
  resource_name: string;
  venue_name: string;
  city: string;
  start_at: Date;
  end_at: Date;
  status: string;
  price: number;
}

function toHistoryItem(row: HistoryRow): HistoryItem {
  return {
    bookingId: row.id,
    resourceId: row.resource_id,
    resourceName: row.resource_name,
    venueName: row.venue_name,
    city: row.city,
    start: row.start_at.toISOString(),
    end: row.end_at.toISOString(),
    status: row.status as Status,
    price: moneyOut(row.price),
  };
}

function encodeCursor(offset: number): string {
  return Buffer.from(String(offset)).toString('base64url');
}

function decodeCursor(cursor: string | null): number {
  if (cursor === null) return 0;
  const offset = typeof cursor === 'string' ? Number(Buffer.from(cursor, 'base64url').toString()) : Number.NaN;
  if (!Number.isSafeInteger(offset) || offset < 0) throw new StoreError('invalid-argument', 'cursor is not one this method issued');
  return offset;
}
