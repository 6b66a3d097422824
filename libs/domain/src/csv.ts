// CSV that a spreadsheet opens as data, never as formulas (OWASP "CSV injection"): a cell starting
// with = + - @ tab or carriage return is prefixed with a single quote, then every cell is quoted.

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell, safe to open in Excel or LibreOffice. null/undefined is an empty cell. */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '""';
  const text = String(value);
  const guarded = FORMULA_START.test(text) ? `'${text}` : text;
  return `"${guarded.replace(/"/g, '""')}"`;
}

/** Rows to CSV text (comma-separated, CRLF line ends as RFC 4180). */
export function toCsv(rows: readonly (readonly (string | number | boolean | null | undefined)[])[]): string {
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
