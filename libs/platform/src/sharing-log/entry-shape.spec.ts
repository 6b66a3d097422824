import { GENESIS_HASH, HASH_PATTERN } from './entry';
import { entryDataProblem, isIsoTimestampWithOffset } from './entry-shape';

describe('entry shape', () => {
  it('genesis is 64 zeros, itself a well-formed hash', () => {
    expect(GENESIS_HASH).toBe('0'.repeat(64));
    expect(HASH_PATTERN.test(GENESIS_HASH)).toBe(true);
  });

  it.each([
    ['2026-11-23T12:00:00.000Z', true],
    ['2026-11-23T13:00:00+01:00', true],
    ['2026-11-23T12:00Z', true],
    ['2026-11-23T12:00:00', false],
    ['2026-11-23', false],
    ['2026-13-23T12:00:00Z', false],
    [1764000000000, false],
  ])('timestamp %p with an explicit offset: %p', (s, ok) => {
    expect(isIsoTimestampWithOffset(s)).toBe(ok);
  });

  it('names the first problem of a malformed entry', () => {
    expect(entryDataProblem(null)).toBe('entry is not an object');
    expect(entryDataProblem({ seq: 0 })).toBe('seq is not a positive integer');
    expect(entryDataProblem({ seq: 1, at: '2026-11-23T12:00:00Z' })).toBe('caseId is not a string');
  });
});
