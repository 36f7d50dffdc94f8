// The one CSV writer of the project, used by the server's report.csv (server/reports/csv.ts) and by the report
// page's downloads built in the browser (client/src/session/bills.ts). Pure: no I/O.
//
// RFC 4180: CRLF line ends, a field with a comma, quote or line break quoted, quotes doubled; UTF-8 with a
// byte-order mark so Excel opens Korean correctly. Text cells that a spreadsheet would run as a formula (CSV
// injection: `=HYPERLINK(...)`, `@SUM(...)`, `+1+2`, `-2`, the same after blanks or line breaks, their full-width
// forms, or a leading tab / carriage return) get a leading single quote, so they show as text; numbers we format
// ourselves are left as they are (a negative number is a number, not a formula).

export type CsvCell = string | number | boolean | null | undefined;

export const CSV_BOM = '\uFEFF';
const EOL = '\r\n';
/** What starts a formula in Excel, LibreOffice or Google Sheets, possibly after blanks. */
// Control characters are what this pattern is about (a formula may follow them).
// eslint-disable-next-line no-control-regex
const FORMULA_START = /^(?:[\t\r]|[\s\u0000-\u001f]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/;

/** Text as a spreadsheet will show it, never as a formula. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One field: text is neutralised against formula injection, then quoted when needed. */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  let text: string;
  if (typeof value === 'number') text = Number.isFinite(value) ? String(value) : '';
  else if (typeof value === 'boolean') text = value ? 'yes' : 'no';
  else text = neutraliseFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(cells: readonly CsvCell[]): string {
  return cells.map(csvCell).join(',');
}

/** Rows to a CSV document with BOM and CRLF line ends. */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return CSV_BOM + rows.map(csvRow).join(EOL) + EOL;
}
