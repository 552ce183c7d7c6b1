// Writes a dataset in the neutral format: one RFC 4180 CSV file per entity, with a header row,
// UTF-8, `\n` line ends, an empty unquoted field for NULL, times as ISO 8601 UTC with milliseconds,
// money as a string with two decimals. `COPY … FROM STDIN (FORMAT csv, HEADER true)` reads it as is.
import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { GENERATOR_VERSION } from './generate.js';
import { iso, KINDS, money, STATUSES, type Dataset } from './model.js';

export const FORMAT = 'faultline-booking/1';

/** Files in load order: each file only references rows of files before it. */
export const FILES = {
  cities: ['id', 'name'],
  venues: ['id', 'city_id', 'name'],
  amenities: ['code', 'label'],
  resources: ['id', 'venue_id', 'name', 'capacity', 'hourly_price'],
  resource_amenities: ['resource_id', 'amenity_code'],
  customers: ['id', 'name', 'email'],
  bookings: ['id', 'resource_id', 'customer_id', 'start', 'end', 'status', 'price', 'created_at'],
  cancellations: ['booking_id', 'reason', 'cancelled_at'],
  payments: ['id', 'booking_id', 'kind', 'amount', 'made_at'],
  audit_entries: ['booking_id', 'seq', 'from_status', 'to_status', 'changed_at'],
} as const;
export type Entity = keyof typeof FILES;

export interface Manifest {
  format: string;
  name: string;
  seed: number;
  generator: number;
  files: Record<Entity, { file: string; rows: number; columns: readonly string[] }>;
}

export function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  if (text === '' ) return '""';
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function line(values: Array<string | number | null>): string {
  return `${values.map(csvField).join(',')}\n`;
}

/** Extra raw rows appended to a file: how the grader plants one bad row in an otherwise good dataset. */
export type ExtraRows = Partial<Record<Entity, Array<Array<string | number | null>>>>;

export async function writeDataset(dataset: Dataset, dir: string, extra: ExtraRows = {}): Promise<Manifest> {
  mkdirSync(dir, { recursive: true });
  const rows: Record<string, number> = {};
  const write = async (entity: Entity, produce: (emit: (values: Array<string | number | null>) => void) => void) => {
    const fd = openSync(join(dir, `${entity}.csv`), 'w');
    let buffer = line([...FILES[entity]]);
    let count = 0;
    const emit = (values: Array<string | number | null>) => {
      buffer += line(values);
      count++;
      if (buffer.length > 1 << 20) {
        writeSync(fd, buffer);
        buffer = '';
      }
    };
    try {
      produce(emit);
      for (const values of extra[entity] ?? []) emit(values);
      writeSync(fd, buffer);
    } finally {
      closeSync(fd);
    }
    rows[entity] = count;
    await Promise.resolve();
  };
  const d = dataset;
  await write('cities', (emit) => d.cities.forEach((c) => emit([c.id, c.name])));
  await write('venues', (emit) => d.venues.forEach((v) => emit([v.id, v.cityId, v.name])));
  await write('amenities', (emit) => d.amenities.forEach((a) => emit([a.code, a.label])));
  await write('resources', (emit) => d.resources.forEach((r) => emit([r.id, r.venueId, r.name, r.capacity, money(r.hourlyCents)])));
  await write('resource_amenities', (emit) => d.resourceAmenities.forEach((ra) => emit([ra.resourceId, ra.code])));
  await write('customers', (emit) => d.customers.forEach((c) => emit([c.id, c.name, c.email])));
  const b = d.bookings;
  await write('bookings', (emit) => {
    for (let i = 0; i < b.length; i++) {
      emit([b.id[i] ?? 0, b.resourceId[i] ?? 0, b.customerId[i] ?? 0, iso(b.start[i] ?? 0), iso(b.end[i] ?? 0), STATUSES[b.status[i] ?? 0] ?? 'held', money(b.priceCents[i] ?? 0), iso(b.createdAt[i] ?? 0)]);
    }
  });
  const c = d.cancellations;
  await write('cancellations', (emit) => {
    for (let i = 0; i < c.length; i++) emit([c.bookingId[i] ?? 0, c.reason[i] ?? '', iso(c.at[i] ?? 0)]);
  });
  const p = d.payments;
  await write('payments', (emit) => {
    for (let i = 0; i < p.length; i++) emit([p.id[i] ?? 0, p.bookingId[i] ?? 0, KINDS[p.kind[i] ?? 0] ?? 'charge', money(p.cents[i] ?? 0), iso(p.at[i] ?? 0)]);
  });
  const a = d.audit;
  await write('audit_entries', (emit) => {
    for (let i = 0; i < a.length; i++) {
      const from = a.from[i] ?? -1;
      emit([a.bookingId[i] ?? 0, a.seq[i] ?? 0, from < 0 ? null : (STATUSES[from] ?? null), STATUSES[a.to[i] ?? 0] ?? 'held', iso(a.at[i] ?? 0)]);
    }
  });
  const manifest: Manifest = {
    format: FORMAT,
    name: dataset.name,
    seed: dataset.seed,
    generator: GENERATOR_VERSION,
    files: Object.fromEntries(Object.entries(FILES).map(([entity, columns]) => [entity, { file: `${entity}.csv`, rows: rows[entity] ?? 0, columns }])) as unknown as Manifest['files'],
  };
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}
