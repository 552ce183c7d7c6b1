// The reference answers: REQUIREMENTS.md's queries computed in memory from the dataset, with no
// database at all, so a design is compared with the rules and not with another schema.
import { CANCELLED, CHARGE, CONFIRMED, iso, money, priceCents, STATUSES, type Dataset, type Status } from '../dataset/model.js';

const DAY = 86_400_000;

export interface Available { resourceId: number; resourceName: string; venueId: number; venueName: string; capacity: number; hourlyPrice: string; price: string }
export interface HistoryItem { bookingId: number; resourceId: number; resourceName: string; venueName: string; city: string; start: string; end: string; status: Status; price: string }
export interface OccupancyRow { venueId: number; venueName: string; day: string; bookedHours: string; bookableHours: number; occupancy: string }
export interface TopCustomer { customerId: number; customerName: string; revenue: string }
export interface AuditEntry { seq: number; fromStatus: Status | null; toStatus: Status; changedAt: string; reason: string | null }

/** n / d rounded half up to `places` decimals, as a string; n ≥ 0, d > 0, integers below 2^53. */
export function ratio(n: number, d: number, places: number): string {
  const scale = 10 ** places;
  const scaled = Math.floor((2 * n * scale + d) / (2 * d));
  const whole = Math.floor(scaled / scale);
  return `${whole}.${String(scaled % scale).padStart(places, '0')}`;
}

export class Oracle {
  private readonly resourcesByCity = new Map<string, number[]>();
  /** Active bookings per resource, sorted by start: [start, end] pairs (they never overlap). */
  private readonly active = new Map<number, Float64Array>();
  private readonly byCustomer = new Map<number, number[]>();
  private readonly bookingIndex = new Map<number, number>();
  private readonly amenities = new Map<number, Set<string>>();
  private readonly resource = new Map<number, Dataset['resources'][number]>();
  private readonly venue = new Map<number, Dataset['venues'][number]>();
  private readonly city = new Map<number, string>();
  private readonly customers = new Map<number, string>();
  private readonly auditByBooking = new Map<number, number[]>();
  private readonly reasonByBooking = new Map<number, string>();

  constructor(readonly data: Dataset) {
    for (const c of data.cities) this.city.set(c.id, c.name);
    for (const v of data.venues) this.venue.set(v.id, v);
    for (const c of data.customers) this.customers.set(c.id, c.name);
    for (const r of data.resources) {
      this.resource.set(r.id, r);
      const cityName = this.city.get(this.venue.get(r.venueId)?.cityId ?? -1) ?? '';
      const list = this.resourcesByCity.get(cityName) ?? [];
      list.push(r.id);
      this.resourcesByCity.set(cityName, list);
    }
    for (const ra of data.resourceAmenities) {
      const set = this.amenities.get(ra.resourceId) ?? new Set<string>();
      set.add(ra.code);
      this.amenities.set(ra.resourceId, set);
    }
    const b = data.bookings;
    const activeLists = new Map<number, number[]>();
    for (let i = 0; i < b.length; i++) {
      const id = b.id[i] ?? 0;
      this.bookingIndex.set(id, i);
      const customer = b.customerId[i] ?? 0;
      const list = this.byCustomer.get(customer) ?? [];
      list.push(i);
      this.byCustomer.set(customer, list);
      if (b.status[i] !== CANCELLED) {
        const resource = b.resourceId[i] ?? 0;
        const act = activeLists.get(resource) ?? [];
        act.push(i);
        activeLists.set(resource, act);
      }
    }
    for (const [resource, list] of activeLists) {
      list.sort((x, y) => (b.start[x] ?? 0) - (b.start[y] ?? 0));
      const pairs = new Float64Array(list.length * 2);
      list.forEach((i, k) => {
        pairs[2 * k] = b.start[i] ?? 0;
        pairs[2 * k + 1] = b.end[i] ?? 0;
      });
      this.active.set(resource, pairs);
    }
    for (const list of this.byCustomer.values()) list.sort((x, y) => (b.start[y] ?? 0) - (b.start[x] ?? 0) || (b.id[y] ?? 0) - (b.id[x] ?? 0));
    const a = data.audit;
    for (let i = 0; i < a.length; i++) {
      const list = this.auditByBooking.get(a.bookingId[i] ?? 0) ?? [];
      list.push(i);
      this.auditByBooking.set(a.bookingId[i] ?? 0, list);
    }
    const c = data.cancellations;
    for (let i = 0; i < c.length; i++) this.reasonByBooking.set(c.bookingId[i] ?? 0, c.reason[i] ?? '');
  }

  /** Whether an active booking of `resource` overlaps [start, end). */
  busy(resource: number, start: number, end: number): boolean {
    const pairs = this.active.get(resource);
    if (!pairs) return false;
    // The last booking starting before `end`; earlier ones end before it starts (no overlaps).
    let lo = 0;
    let hi = pairs.length / 2;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((pairs[2 * mid] ?? 0) < end) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && (pairs[2 * (lo - 1) + 1] ?? 0) > start;
  }

  searchAvailability(q: { city: string; minCapacity: number; amenities: string[]; start: string; end: string; limit?: number }): Available[] {
    const start = Date.parse(q.start);
    const end = Date.parse(q.end);
    const wanted = [...new Set(q.amenities)];
    const rows: Available[] = [];
    for (const id of this.resourcesByCity.get(q.city) ?? []) {
      const r = this.resource.get(id);
      if (!r || r.capacity < q.minCapacity) continue;
      const has = this.amenities.get(id) ?? new Set<string>();
      if (!wanted.every((code) => has.has(code))) continue;
      if (this.busy(id, start, end)) continue;
      const venue = this.venue.get(r.venueId);
      rows.push({ resourceId: id, resourceName: r.name, venueId: r.venueId, venueName: venue?.name ?? '', capacity: r.capacity, hourlyPrice: money(r.hourlyCents), price: money(priceCents(r.hourlyCents, start, end)) });
    }
    const cents = (text: string) => Math.round(Number(text) * 100);
    rows.sort((x, y) => cents(x.hourlyPrice) - cents(y.hourlyPrice) || x.resourceId - y.resourceId);
    return rows.slice(0, q.limit ?? 50);
  }

  /** Every booking of the customer, in history order (start desc, id desc). */
  history(customerId: number): HistoryItem[] {
    const b = this.data.bookings;
    return (this.byCustomer.get(customerId) ?? []).map((i) => {
      const r = this.resource.get(b.resourceId[i] ?? 0);
      const v = this.venue.get(r?.venueId ?? 0);
      return {
        bookingId: b.id[i] ?? 0,
        resourceId: b.resourceId[i] ?? 0,
        resourceName: r?.name ?? '',
        venueName: v?.name ?? '',
        city: this.city.get(v?.cityId ?? 0) ?? '',
        start: iso(b.start[i] ?? 0),
        end: iso(b.end[i] ?? 0),
        status: STATUSES[b.status[i] ?? 0] as Status,
        price: money(b.priceCents[i] ?? 0),
      };
    });
  }

  bookingCount(customerId: number): number {
    return this.byCustomer.get(customerId)?.length ?? 0;
  }

  occupancy(month: string, cityName: string | null): OccupancyRow[] {
    const [y, m] = month.split('-').map(Number);
    const monthStart = Date.UTC(y ?? 0, (m ?? 1) - 1, 1);
    const monthEnd = Date.UTC(y ?? 0, m ?? 1, 1);
    const days = Math.round((monthEnd - monthStart) / DAY);
    const venues = this.data.venues.filter((v) => cityName === null || this.city.get(v.cityId) === cityName).sort((a, b) => a.id - b.id);
    const resourcesPerVenue = new Map<number, number>();
    for (const r of this.data.resources) resourcesPerVenue.set(r.venueId, (resourcesPerVenue.get(r.venueId) ?? 0) + 1);
    const bookedMs = new Map<number, Float64Array>();
    for (const v of venues) bookedMs.set(v.id, new Float64Array(days));
    const b = this.data.bookings;
    for (let i = 0; i < b.length; i++) {
      if (b.status[i] !== CONFIRMED) continue;
      const s = b.start[i] ?? 0;
      const e = b.end[i] ?? 0;
      if (s >= monthEnd || e <= monthStart) continue;
      const venueId = this.resource.get(b.resourceId[i] ?? 0)?.venueId ?? 0;
      const perDay = bookedMs.get(venueId);
      if (!perDay) continue;
      for (let d = Math.max(0, Math.floor((s - monthStart) / DAY)); d < days && monthStart + d * DAY < e; d++) {
        const dayStart = monthStart + d * DAY;
        perDay[d] = (perDay[d] ?? 0) + Math.max(0, Math.min(e, dayStart + DAY) - Math.max(s, dayStart));
      }
    }
    const rows: OccupancyRow[] = [];
    for (const v of venues) {
      const count = resourcesPerVenue.get(v.id) ?? 0;
      const perDay = bookedMs.get(v.id) ?? new Float64Array(days);
      for (let d = 0; d < days; d++) {
        const ms = perDay[d] ?? 0;
        rows.push({
          venueId: v.id,
          venueName: v.name,
          day: iso(monthStart + d * DAY).slice(0, 10),
          bookedHours: ratio(ms, 3_600_000, 4),
          bookableHours: 24 * count,
          occupancy: count === 0 ? '0.0000' : ratio(ms, DAY * count, 4),
        });
      }
    }
    return rows;
  }

  private payments(start: string, end: string): Map<number, number> {
    const s = Date.parse(start);
    const e = Date.parse(end);
    const p = this.data.payments;
    const b = this.data.bookings;
    const perCustomer = new Map<number, number>();
    for (let i = 0; i < p.length; i++) {
      const at = p.at[i] ?? 0;
      if (at < s || at >= e) continue;
      const index = this.bookingIndex.get(p.bookingId[i] ?? 0);
      const customer = index === undefined ? 0 : (b.customerId[index] ?? 0);
      const signed = p.kind[i] === CHARGE ? (p.cents[i] ?? 0) : -(p.cents[i] ?? 0);
      perCustomer.set(customer, (perCustomer.get(customer) ?? 0) + signed);
    }
    return perCustomer;
  }

  revenue(q: { start: string; end: string }): { revenue: string } {
    let total = 0;
    for (const cents of this.payments(q.start, q.end).values()) total += cents;
    return { revenue: money(total) };
  }

  topCustomers(q: { start: string; end: string; limit?: number }): TopCustomer[] {
    return [...this.payments(q.start, q.end).entries()]
      .sort((x, y) => y[1] - x[1] || x[0] - y[0])
      .slice(0, q.limit ?? 10)
      .map(([customerId, cents]) => ({ customerId, customerName: this.customers.get(customerId) ?? '', revenue: money(cents) }));
  }

  auditTrail(bookingId: number): AuditEntry[] {
    const a = this.data.audit;
    return (this.auditByBooking.get(bookingId) ?? [])
      .map((i) => ({
        seq: a.seq[i] ?? 0,
        fromStatus: (a.from[i] ?? -1) < 0 ? null : (STATUSES[a.from[i] ?? 0] as Status),
        toStatus: STATUSES[a.to[i] ?? 0] as Status,
        changedAt: iso(a.at[i] ?? 0),
        reason: a.to[i] === CANCELLED ? (this.reasonByBooking.get(bookingId) ?? null) : null,
      }))
      .sort((x, y) => x.seq - y.seq);
  }

  /** Customers with the most bookings first: where deep history pages come from. */
  heaviestCustomers(n: number): number[] {
    return [...this.byCustomer.entries()].sort((x, y) => y[1].length - x[1].length || x[0] - y[0]).slice(0, n).map(([id]) => id);
  }

  /** Cities by number of resources, busiest first. */
  cities(): string[] {
    return [...this.resourcesByCity.entries()].sort((x, y) => y[1].length - x[1].length).map(([name]) => name);
  }

  /** A resource that has no active booking in [start, end), and its price for that range (for write checks). */
  freeResource(start: number, end: number, skip: ReadonlySet<number> = new Set()): { id: number; hourlyCents: number } | undefined {
    for (const r of this.data.resources) if (!skip.has(r.id) && !this.busy(r.id, start, end)) return { id: r.id, hourlyCents: r.hourlyCents };
    return undefined;
  }

  bookingIds(filter: (status: number) => boolean): number[] {
    const b = this.data.bookings;
    const ids: number[] = [];
    for (let i = 0; i < b.length; i++) if (filter(b.status[i] ?? 0)) ids.push(b.id[i] ?? 0);
    return ids;
  }
}
