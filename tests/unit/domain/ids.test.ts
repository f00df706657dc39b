/** Record ids: random 128-bit hex, and the shape schemas accept. */
import { describe, expect, it } from 'vitest';
import {
  ID_PATTERN,
  NEW_ID_PATTERN,
  isIdString,
  newId,
  type CaseId,
} from '../../../src/domain/ids';

describe('newId', () => {
  it('Given nothing, When an id is made, Then it is 32 lowercase hex characters', () => {
    const id = newId<CaseId>();
    expect(id).toMatch(NEW_ID_PATTERN);
    expect(ID_PATTERN.test(id)).toBe(true);
  });
  it('Given 1000 new ids, When compared, Then none repeats', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newId()));
    expect(ids.size).toBe(1000);
  });
  it('Given strings with markup or paths, When checked as ids, Then they are refused', () => {
    expect(isIdString('<script>')).toBe(false);
    expect(isIdString('../etc')).toBe(false);
    expect(isIdString('')).toBe(false);
    expect(isIdString('a'.repeat(65))).toBe(false);
    expect(isIdString('case-1')).toBe(true);
  });
});
