/** A schema change, applied once, in id order, and recorded in schema_migrations. */
export interface Migration {
  readonly id: string;
  readonly sql: string;
}
