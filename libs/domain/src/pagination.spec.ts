import { DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT, clampLimit } from './pagination';

describe('clampLimit', () => {
  it.each<[number | undefined, number]>([
    [undefined, 50],
    [Number.NaN, 50],
    [1, 1],
    [20, 20],
    [50, 50],
    [200, 200],
    [201, 200],
    [10_000, 200],
    [Number.POSITIVE_INFINITY, 200],
    [0, 1],
    [-5, 1],
    [Number.NEGATIVE_INFINITY, 1],
    [12.9, 12],
    [0.5, 1],
  ])('%s → %i', (limit, expected) => {
    expect(clampLimit(limit)).toBe(expected);
  });

  it('uses the documented defaults', () => {
    expect([DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT]).toEqual([50, 200]);
  });
});
