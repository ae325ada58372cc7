/** Characters that would start Markdown syntax inside running text. */
export function escapeText(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]/g, '\\$&').replace(/&(?=[#a-z0-9]+;)/gi, '&amp;');
}

/** Line starts that would turn a paragraph into a heading, quote, list, rule or setext underline. */
export function escapeLineStart(line: string): string {
  if (/^\s*[-=][-=\s]*$/.test(line)) return line.replace(/[-=]/, '\\$&');
  return line.replace(/^(\s*)([#>+-]|\d+[.)])(?=\s|$)/, (_all, space: string, mark: string) =>
    /^\d/.test(mark) ? `${space}${mark.slice(0, -1)}\\${mark.slice(-1)}` : `${space}\\${mark}`,
  );
}

/**
 * A link destination CommonMark reads back as exactly this URL: backslashes and entities would
 * otherwise be decoded (`javascript\:` or `&colon;` becoming a scheme), and spaces or brackets end it.
 */
export function destination(url: string): string {
  return url
    .replace(/\\/g, '\\\\')
    .replace(/&/g, '&amp;')
    .replace(/[\s()<>]/g, (c) => encodeURIComponent(c));
}

/** Code as written, in a run of backticks longer than any inside it. */
export function codeSpan(code: string): string {
  const ticks = '`'.repeat(Math.max(0, ...(code.match(/`+/g) ?? []).map((run) => run.length)) + 1);
  const pad = code.startsWith('`') || code.endsWith('`') ? ' ' : '';
  return `${ticks}${pad}${code}${pad}${ticks}`;
}
