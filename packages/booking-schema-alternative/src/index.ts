export { createBookingStore } from './store/booking-store.js';
export type { ConnectionOptions } from './db/connection.js';
export * from './store/types.js';
