import type { Migration } from '../migration.js';
import { initialSchema } from './0001-initial-schema.js';

/** Every migration, oldest first. Add new ones at the end; never edit an applied one. */
export const MIGRATIONS: readonly Migration[] = [initialSchema];
