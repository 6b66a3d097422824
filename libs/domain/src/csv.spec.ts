import { csvCell, toCsv } from './csv';

describe('csvCell', () => {
  it.each(['=1+1', '+31', '-2', '@SUM(A1)', '\tx', '\rx', '=HYPERLINK("http://evil","x")'])('neutralises a formula start in %j', (v) => {
    expect(csvCell(v).startsWith(`"'`)).toBe(true);
  });
  it('quotes and doubles quotes', () => {
    expect(csvCell('a "b", c')).toBe('"a ""b"", c"');
    expect(csvCell(12)).toBe('"12"');
    expect(csvCell(null)).toBe('""');
  });
  it('writes rows with CRLF', () => {
    expect(
      toCsv([
        ['a', 1],
        ['=x', null],
      ]),
    ).toBe('"a","1"\r\n"\'=x",""\r\n');
  });
});
