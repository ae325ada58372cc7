/**
 * One CSV field: quoted when it holds a separator, quote or line break; and a text starting with
 * = + - @ (or a tab or carriage return) is prefixed with ' so a spreadsheet does not run a
 * student's name or an annotation's words as a formula.
 */
export function csvField(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows as CSV (RFC 4180, CRLF lines, with a BOM so spreadsheets read it as UTF-8). */
export function csvDocument(rows: readonly (readonly (string | number)[])[]): string {
  return `\ufeff${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}
