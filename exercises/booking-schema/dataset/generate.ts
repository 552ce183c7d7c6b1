// The seeded generator of the neutral booking dataset. Same size and seed, same bytes: every
// design loads the same rows, so answers can be compared row for row.
import {
  CANCELLED, CHARGE, CONFIRMED, HELD, REFUND, emptyAudit, emptyBookings, emptyCancellations, emptyPayments, priceCents,
  type Amenity, type City, type Customer, type Dataset, type Resource, type Venue,
} from './model.js';

export const SIZES = {
  small: { cities: 8, venues: 50, customers: 2_000, bookings: 10_000, heavyCustomers: 3 },
  medium: { cities: 15, venues: 400, customers: 20_000, bookings: 120_000, heavyCustomers: 5 },
  large: { cities: 30, venues: 2_000, customers: 100_000, bookings: 1_000_000, heavyCustomers: 5 },
} as const;
export type Size = keyof typeof SIZES;
export const DEFAULT_SEED = 20_261_204;
/** Bump when the output changes, so cached copies are regenerated. */
export const GENERATOR_VERSION = 1;

export const SPAN_START = Date.UTC(2024, 0, 1);
export const SPAN_END = Date.UTC(2026, 0, 1);
const DAY = 86_400_000;
const MINUTE = 60_000;
const DAYS = (SPAN_END - SPAN_START) / DAY;

/** sfc32: small, fast, and the same on every platform. */
export function random(seed: number): () => number {
  let a = 0x9e3779b9, b = 0x243f6a88, c = 0xb7e15162, d = seed >>> 0;
  const next = () => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4_294_967_296;
  };
  for (let i = 0; i < 15; i++) next();
  return next;
}

const CITY_NAMES = ['Lyon', 'Porto', 'Berlin', 'København', 'Kraków', 'Milano', 'Gent', 'Sevilla', 'Tallinn', 'Zürich', 'Bordeaux', 'Leeds', 'Brno', 'Graz', 'Malmö', 'Utrecht', 'Cork', 'Bilbao', 'Turku', 'Split', 'Lille', 'Basel', 'Aarhus', 'Bergen', 'Dresden', 'Nantes', 'Riga', 'Vilnius', 'Ljubljana', 'Córdoba'];
const VENUE_WORDS = ['Atelier', 'Quai', 'Loft', 'Hub', 'Casa', 'Werk', 'Halle', 'Studio', 'Maison', 'Forum', 'Dock', 'Garden'];
const VENUE_NAMES = ['Nord', 'Sud', 'Ribeira', 'Central', 'Lumière', 'Kanal', 'Parc', 'Vieux Port', 'Oak', 'Station', 'Marché', 'Colline'];
const RESOURCE_KINDS = [
  { name: 'Room', capacity: [6, 8, 10, 12], price: [3500, 4000, 4500, 5550] },
  { name: 'Desk', capacity: [1, 1, 2], price: [800, 1000, 1250] },
  { name: 'Studio', capacity: [4, 6], price: [2500, 3000, 6000] },
  { name: 'Hall', capacity: [40, 60, 120], price: [15000, 22000, 30000] },
  { name: 'Booth', capacity: [1, 2], price: [500, 750] },
];
export const AMENITIES: Amenity[] = [
  { code: 'projector', label: 'Projector' },
  { code: 'whiteboard', label: 'Whiteboard' },
  { code: 'video', label: 'Video conferencing' },
  { code: 'screen', label: 'Large screen' },
  { code: 'accessible', label: 'Step-free access' },
  { code: 'kitchen', label: 'Kitchenette' },
  { code: 'sound', label: 'Sound system' },
  { code: 'daylight', label: 'Daylight' },
  { code: 'phone', label: 'Phone booth' },
  { code: 'stage', label: 'Stage' },
];
const AMENITY_ODDS = [0.55, 0.6, 0.35, 0.3, 0.5, 0.15, 0.2, 0.45, 0.08, 0.05];
const FIRST = ['Ana', 'Ben', 'Chloé', 'Dara', 'Emil', 'Fatou', 'Goran', 'Hana', 'Ivo', 'Jules', 'Kai', 'Lena', 'Malik', 'Nora', 'Otto', 'Paz', 'Quentin', 'Rosa', 'Sven', 'Tilde'];
const LAST = ['Martin', 'Silva', 'Novak', 'Müller', 'Rossi', 'Dubois', 'Kowalski', 'Jensen', "O'Neill", 'García', 'Petrov', 'Laine', 'Horvat', 'Berg', 'Costa'];
export const REASONS = ['Client postponed', 'Double-booked by mistake', 'Team offsite, moved to "Room B"', 'Weather', 'Budget cut', 'Illness', 'Meeting cancelled', 'Found a bigger room'];

/** Start hour weights: mornings and early evenings are the peaks; the night is nearly empty. */
const HOUR_WEIGHTS = [0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.5, 2, 6, 9, 8, 5, 3, 4, 5, 4, 4, 6, 8, 6, 3, 1.5, 0.8, 0.4];
const MINUTES = [0, 0, 0, 0, 30, 30, 15, 45, 5, 25];
const DURATIONS = [60, 60, 60, 120, 120, 90, 30, 180, 240, 45, 25, 61, 300, 480];

function pickWeighted(rand: () => number, weights: readonly number[]): number {
  const total = weights.reduce((a, b) => a + b, 0);
  let r = rand() * total;
  for (let i = 0; i < weights.length; i++) {
    r -= weights[i] ?? 0;
    if (r < 0) return i;
  }
  return weights.length - 1;
}

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)] as T;
}

/** How many bookings each resource gets: popular venues get many, capped at what a resource can hold. */
function bookingsPerResource(resources: Resource[], venueWeight: Map<number, number>, total: number): number[] {
  const cap = Math.floor(DAYS * 4.5);
  const weights = resources.map((r) => venueWeight.get(r.venueId) ?? 1);
  const counts = new Array<number>(resources.length).fill(0);
  let left = total;
  let open = resources.map((_, i) => i);
  while (left > 0 && open.length > 0) {
    const sum = open.reduce((a, i) => a + (weights[i] ?? 0), 0);
    let given = 0;
    for (const i of open) {
      const want = Math.max(1, Math.floor((left * (weights[i] ?? 0)) / sum));
      const add = Math.min(want, cap - (counts[i] ?? 0), left - given);
      counts[i] = (counts[i] ?? 0) + Math.max(0, add);
      given += Math.max(0, add);
      if (given >= left) break;
    }
    left -= given;
    open = open.filter((i) => (counts[i] ?? 0) < cap);
    if (given === 0) break;
  }
  return counts;
}

export function generate(size: Size, seed = DEFAULT_SEED): Dataset {
  const spec = SIZES[size];
  const rand = random(seed);
  const cities: City[] = CITY_NAMES.slice(0, spec.cities).map((name, i) => ({ id: i + 1, name }));
  const venues: Venue[] = [];
  const resources: Resource[] = [];
  const resourceAmenities: Array<{ resourceId: number; code: string }> = [];
  const venueWeight = new Map<number, number>();
  for (let v = 1; v <= spec.venues; v++) {
    // Cities are skewed too: the first ones hold most venues.
    const city = cities[Math.min(cities.length - 1, Math.floor(cities.length * rand() ** 1.6))] as City;
    venues.push({ id: v, cityId: city.id, name: `${pick(rand, VENUE_WORDS)} ${pick(rand, VENUE_NAMES)} ${v}` });
    // Zipf-like popularity: venue 1 is the busiest.
    venueWeight.set(v, 1 / v ** 0.9);
    const count = 1 + Math.floor(rand() * 8);
    for (let k = 0; k < count; k++) {
      const kind = RESOURCE_KINDS[pickWeighted(rand, [5, 2, 1.5, 0.5, 1])] as (typeof RESOURCE_KINDS)[number];
      const id = resources.length + 1;
      resources.push({ id, venueId: v, name: `${kind.name} ${String.fromCharCode(65 + k)}`, capacity: pick(rand, kind.capacity), hourlyCents: pick(rand, kind.price) });
      AMENITIES.forEach((amenity, a) => {
        if (rand() < (AMENITY_ODDS[a] ?? 0)) resourceAmenities.push({ resourceId: id, code: amenity.code });
      });
    }
  }
  const customers: Customer[] = [];
  for (let c = 1; c <= spec.customers; c++) {
    customers.push({ id: c, name: `${pick(rand, FIRST)} ${pick(rand, LAST)}`, email: `customer${c}@example.test` });
  }

  const counts = bookingsPerResource(resources, venueWeight, spec.bookings);
  const total = counts.reduce((a, b) => a + b, 0);
  const bookings = emptyBookings(total);
  const cancellations = emptyCancellations(Math.ceil(total * 0.2));
  const payments = emptyPayments(Math.ceil(total * 1.6));
  const audit = emptyAudit(total * 3);
  const regulars = Math.max(10, Math.floor(spec.customers / 100));
  const pickCustomer = () => {
    const r = rand();
    if (r < 0.02 * (1 + spec.heavyCustomers / 5)) return 1 + Math.floor(rand() * spec.heavyCustomers);
    if (r < 0.15) return 1 + Math.floor(rand() * regulars);
    return 1 + Math.floor(rand() * spec.customers);
  };
  const candidateStarts = new Float64Array(Math.max(...counts, 1));
  resources.forEach((resource, index) => {
    const n = counts[index] ?? 0;
    for (let i = 0; i < n; i++) {
      let day = Math.floor(rand() * DAYS);
      // Weekends are quieter: move 60 % of weekend bookings to a weekday.
      const weekday = new Date(SPAN_START + day * DAY).getUTCDay();
      if ((weekday === 0 || weekday === 6) && rand() < 0.6) day = Math.max(0, day - (weekday === 6 ? 1 : 2));
      candidateStarts[i] = SPAN_START + day * DAY + pickWeighted(rand, HOUR_WEIGHTS) * 3_600_000 + pick(rand, MINUTES) * MINUTE;
    }
    const starts = Array.from(candidateStarts.subarray(0, n)).sort((a, b) => a - b);
    let activeEnd = -Infinity;
    for (const wanted of starts) {
      const r = rand();
      const status = r < 0.85 ? CONFIRMED : r < 0.95 ? CANCELLED : HELD;
      const minutes = pick(rand, DURATIONS);
      let start = wanted;
      if (status !== CANCELLED && start < activeEnd) start = activeEnd + (rand() < 0.5 ? 0 : 15 * MINUTE);
      const end = start + minutes * MINUTE;
      if (end > SPAN_END) continue;
      if (status !== CANCELLED) activeEnd = end;
      const b = bookings.length++;
      const id = b + 1;
      const created = Math.max(SPAN_START - 30 * DAY, start - (1 + Math.floor(rand() * 60 * 24 * 45)) * MINUTE);
      const price = priceCents(resource.hourlyCents, start, end);
      bookings.id[b] = id;
      bookings.resourceId[b] = resource.id;
      bookings.customerId[b] = pickCustomer();
      bookings.start[b] = start;
      bookings.end[b] = end;
      bookings.status[b] = status;
      bookings.priceCents[b] = price;
      bookings.createdAt[b] = created;
      // The life of the booking: placed held or confirmed, maybe confirmed later, maybe cancelled.
      const viaHold = status === HELD || rand() < 0.6;
      let seq = 0;
      const entry = (from: number, to: number, at: number) => {
        const e = audit.length++;
        audit.bookingId[e] = id;
        audit.seq[e] = ++seq;
        audit.from[e] = from;
        audit.to[e] = to;
        audit.at[e] = at;
      };
      const pay = (kind: number, amount: number, at: number) => {
        if (amount <= 0) return;
        const p = payments.length++;
        payments.id[p] = p + 1;
        payments.bookingId[p] = id;
        payments.kind[p] = kind;
        payments.cents[p] = amount;
        payments.at[p] = at;
      };
      const lead = start - created;
      let now = created;
      entry(-1, viaHold ? HELD : CONFIRMED, now);
      let confirmed = !viaHold;
      if (viaHold && (status === CONFIRMED || (status === CANCELLED && rand() < 0.5))) {
        now += Math.floor(rand() * Math.min(lead * 0.5, 2 * DAY) / MINUTE) * MINUTE + MINUTE;
        entry(HELD, CONFIRMED, now);
        confirmed = true;
      }
      if (confirmed) {
        const at = now + (1 + Math.floor(rand() * 30)) * MINUTE;
        if (rand() < 0.15 && price >= 2) {
          const first = Math.floor(price / 2);
          pay(CHARGE, first, at);
          pay(CHARGE, price - first, at + (5 + Math.floor(rand() * 60 * 24 * 3)) * MINUTE);
        } else {
          pay(CHARGE, price, at);
        }
      }
      if (status === CANCELLED) {
        now = now + Math.floor(rand() * Math.max(1, (start - now) / MINUTE - 1)) * MINUTE + MINUTE;
        entry(confirmed ? CONFIRMED : HELD, CANCELLED, now);
        const c = cancellations.length++;
        cancellations.bookingId[c] = id;
        cancellations.reason[c] = pick(rand, REASONS);
        cancellations.at[c] = now;
        if (confirmed && rand() < 0.8) pay(REFUND, rand() < 0.6 ? price : Math.floor(price / 2), now + (1 + Math.floor(rand() * 60 * 24 * 7)) * MINUTE);
      }
    }
  });
  return {
    name: size,
    seed,
    cities,
    venues,
    amenities: AMENITIES,
    resources,
    resourceAmenities,
    customers,
    bookings,
    cancellations,
    payments,
    audit,
  };
}
