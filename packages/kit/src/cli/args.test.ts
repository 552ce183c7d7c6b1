import { describe, expect, it } from '@jest/globals';
import { UsageError } from '../util/errors.js';
import { integerFlag, parse } from './args.js';

describe('integerFlag', () => {
  it('When the value is in range, then it is returned as a number', () => {
    expect(integerFlag('30', '--duration', 1, 600)).toBe(30);
    expect(integerFlag(undefined, '--duration', 1, 600)).toBeUndefined();
  });

  it('When the value is not an integer in range, then the error names the flag and the range', () => {
    expect(() => integerFlag('abc', '--port', 1, 65535)).toThrow('--port must be an integer from 1 to 65535, got "abc"');
    expect(() => integerFlag('0', '--duration', 1, 600)).toThrow(UsageError);
  });
});

describe('parse', () => {
  it('When an unknown flag is given, then a usage error shows the usage line', () => {
    expect(() => parse('verify', ['x', '--nope'], { json: { type: 'string' } }, 'faultline verify <id>')).toThrow(/usage: faultline verify <id>/);
  });
});
