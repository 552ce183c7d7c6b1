// Checks of method arguments: each refusal names the parameter and the rule it breaks.
import { StoreError } from './types.js';

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;

export function time(value: unknown, name: string): Date {
  if (typeof value !== 'string' || !ISO.test(value) || Number.isNaN(Date.parse(value))) {
    throw new StoreError('invalid-argument', `${name} must be an ISO 8601 UTC time such as 2025-03-14T10:00:00.000Z`);
  }
  return new Date(value);
}

export function range(start: unknown, end: unknown): { start: Date; end: Date } {
  const s = time(start, 'start');
  const e = time(end, 'end');
  if (e.getTime() <= s.getTime()) throw new StoreError('invalid-argument', 'end must be after start');
  return { start: s, end: e };
}

export function id(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw new StoreError('invalid-argument', `${name} must be an integer id ≥ 1`);
  }
  return value;
}

export function integer(value: unknown, name: string, min: number, max: number, fallback?: number): number {
  if (value === undefined && fallback !== undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new StoreError('invalid-argument', `${name} must be an integer from ${min} to ${max}`);
  }
  return value;
}

export function text(value: unknown, name: string, maxLength: number): string {
  if (typeof value !== 'string' || value.trim() === '' || value.length > maxLength) {
    throw new StoreError('invalid-argument', `${name} must be non-empty text of at most ${maxLength} characters`);
  }
  return value;
}

export function month(value: unknown): { start: Date; end: Date } {
  const match = typeof value === 'string' ? /^(\d{4})-(\d{2})$/.exec(value) : null;
  const m = match ? Number(match[2]) : 0;
  if (!match || m < 1 || m > 12) throw new StoreError('invalid-argument', 'month must be YYYY-MM, e.g. 2025-03');
  const y = Number(match[1]);
  return { start: new Date(Date.UTC(y, m - 1, 1)), end: new Date(Date.UTC(y, m, 1)) };
}

export function codes(value: unknown): string[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    throw new StoreError('invalid-argument', 'amenities must be a list of amenity codes');
  }
  return [...new Set(value as string[])];
}
