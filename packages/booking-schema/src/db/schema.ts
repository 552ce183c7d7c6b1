// Table types for kysely: what the queries in store/ may read and write.
import type { ColumnType, Generated } from 'kysely';

type Time = ColumnType<Date, Date | string, Date | string>;

export interface Database {
  cities: { id: number; name: string };
  venues: { id: number; city_id: number; name: string };
  amenities: { code: string; label: string };
  resources: { id: number; venue_id: number; name: string; capacity: number; hourly_price: number };
  resource_amenities: { resource_id: number; amenity_code: string };
  customers: { id: number; name: string; email: string };
  bookings: {
    id: Generated<number>;
    resource_id: number;
    customer_id: number;
    start_at: Time;
    end_at: Time;
    status: string;
    price: number;
    created_at: ColumnType<Date, Date | string | undefined, never>;
  };
  cancellations: { booking_id: number; reason: string; cancelled_at: ColumnType<Date, Date | string | undefined, never> };
  payments: { id: Generated<number>; booking_id: number; kind: string; amount: number; made_at: Time };
  audit_entries: {
    booking_id: number;
    seq: number;
    from_status: string | null;
    to_status: string;
    changed_at: ColumnType<Date, Date | string | undefined, never>;
  };
}
