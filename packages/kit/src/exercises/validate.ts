/** Tiny structural checks for the yaml files, with errors that name the file and the field. */
export class SpecError extends Error {
  override name = 'SpecError';
}

export type Json = unknown;

export function object(value: Json, where: string): Record<string, Json> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new SpecError(`${where}: expected a mapping`);
  return value as Record<string, Json>;
}

export function string(value: Json, where: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new SpecError(`${where}: expected a non-empty string`);
  return value.trim();
}

export function optionalString(value: Json, where: string): string | undefined {
  return value === undefined || value === null ? undefined : string(value, where);
}

export function stringList(value: Json, where: string): string[] {
  if (!Array.isArray(value)) throw new SpecError(`${where}: expected a list of strings`);
  return value.map((item, index) => string(item, `${where}[${index}]`));
}

export function oneOf<T extends string>(value: Json, allowed: readonly T[], where: string): T {
  const text = string(value, where);
  if (!(allowed as readonly string[]).includes(text)) throw new SpecError(`${where}: "${text}" is not one of ${allowed.join(', ')}`);
  return text as T;
}

export function positiveInteger(value: Json, where: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) throw new SpecError(`${where}: expected a positive integer`);
  return value;
}
