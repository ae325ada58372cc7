const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';

const MONTH_NAMES = new RegExp(MONTH, 'gi');

const iso = (y: number, m: number, d: number): string | null => {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1800 || y > 2200) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCDate() !== d) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
};
const monthIndex = (name: string) => MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;

// Global, and built once: the passes test line after line (findDates resets lastIndex before each scan).
const PATTERNS: Array<[RegExp, (m: RegExpExecArray) => string | null]> = [
  [/\b(\d{4})-(\d{2})-(\d{2})\b/g, (m) => iso(+m[1]!, +m[2]!, +m[3]!)],
  [
    new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH},?\\s+(\\d{4})\\b`, 'gi'),
    (m) => iso(+m[3]!, monthIndex(m[2]!), +m[1]!),
  ],
  [
    new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'gi'),
    (m) => iso(+m[3]!, monthIndex(m[1]!), +m[2]!),
  ],
  // Dotted numeric dates are day-first wherever they are written that way.
  [/\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b/g, (m) => iso(+m[3]!, +m[2]!, +m[1]!)],
  // Slashed dates: day-first only when the first number cannot be a month.
  [
    /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/g,
    (m) => (+m[1]! > 12 ? iso(+m[3]!, +m[2]!, +m[1]!) : iso(+m[3]!, +m[1]!, +m[2]!)),
  ],
];

/** Every full date (day, month and year) in a line, as YYYY-MM-DD, in order of appearance. */
export function findDates(s: string): string[] {
  const found: Array<{ at: number; date: string }> = [];
  // Positions taken by an earlier pattern: a later pattern matching within 2 characters reads the same date.
  const taken = new Set<number>();
  for (const [re, toIso] of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(s); m; m = re.exec(s)) {
      const date = toIso(m);
      const at = m.index;
      if (!date || [-2, -1, 0, 1, 2].some((d) => taken.has(at + d))) continue;
      found.push({ at, date });
      taken.add(at);
    }
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.date);
}

/** The line with its dates cut out, and the separators left dangling by the cut ("Name – May 13, 2022" → "Name"). */
export function stripDates(s: string): string {
  let out = s;
  for (const [re] of PATTERNS) out = out.replace(re, ' ');
  return out
    .replace(/\(\s*\)/g, ' ')
    .replace(/^[\s,;|–—-]+|[\s,;|–—-]+$/g, '')
    .replace(/\s{2,}/g, ' ');
}

/** The line is essentially a date ("4 Mar 2019", "March 4, 2019", "Published: 2019-03-04"). */
export const isDateLine = (s: string): boolean =>
  findDates(s).length > 0 &&
  s.replace(MONTH_NAMES, '').replace(/[\d\s,./:-]|st|nd|rd|th|published|updated|posted|on/gi, '').length <= 2;

/** Parses an ISO-ish timestamp from metadata (HTML meta tags, DOCX core properties). */
export function isoFromTimestamp(s: string | undefined | null): string | null {
  if (!s) return null;
  const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})/.exec(s.trim());
  return m ? iso(+m[1]!, +m[2]!, +m[3]!) : (findDates(s)[0] ?? null);
}
