// A small validation layer: per-property rules for closed JSON objects. Rules return a message
// and never throw, so one answer can name every invalid input of a request.
import { type FieldError } from './problem.js';

/** A rule returns why the value is refused, or undefined when it is fine. */
export type Rule = (value: unknown) => string | undefined;

export const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export const isIntegerIn = (value: unknown, min: number, max: number): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;

/** Lengths count Unicode code points, not UTF-16 units. */
export const codePoints = (text: string): number => [...text].length;

/** Whether `text` holds a control character (U+0000–U+001F, U+007F) other than `allowed`. */
export function hasControlCharacter(text: string, allowed = ''): boolean {
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if ((code < 0x20 || code === 0x7f) && !allowed.includes(char)) return true;
  }
  return false;
}

/** RFC 6901 pointer to a top-level property. */
const pointer = (name: string): string => `/${name.replaceAll('~', '~0').replaceAll('/', '~1')}`;

/** Checks a closed JSON object: unknown properties are refused, required ones must be there. */
export function checkObject(body: unknown, rules: Readonly<Record<string, Rule>>, required: readonly string[], options: { minProperties?: number } = {}): FieldError[] {
  if (!isObject(body)) return [{ field: '', message: 'must be a JSON object' }];
  const errors: FieldError[] = [];
  const names = Object.keys(body);
  if (names.length < (options.minProperties ?? 0)) errors.push({ field: '', message: `must have at least ${options.minProperties} property` });
  for (const name of required) if (!Object.hasOwn(body, name)) errors.push({ field: pointer(name), message: 'is required' });
  for (const name of names) {
    const rule = Object.hasOwn(rules, name) ? rules[name] : undefined;
    const message = rule ? rule(body[name]) : 'is not allowed';
    if (message) errors.push({ field: pointer(name), message });
  }
  return errors;
}
