import { firstRow } from './rows';

describe('firstRow', () => {
  it('returns the first row', () => {
    const a = { n: 1 };
    expect(firstRow([a, { n: 2 }], 'the count')).toBe(a);
  });

  it('keeps falsy rows', () => {
    expect(firstRow([0], 'the count')).toBe(0);
    expect(firstRow([null], 'the count')).toBeNull();
  });

  it('throws naming the statement when there is no row', () => {
    expect(() => firstRow([], 'the tree head query')).toThrow('expected a row from the tree head query, got none');
  });
});
