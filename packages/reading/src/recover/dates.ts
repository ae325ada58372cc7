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

const CLOCK = /\b\d{1,2}[:.]\d{2}(?:\s*[ap]\.?\s?m\.?)?(?![\d.:])|\b\d{1,2}\s*[ap]\.?m\.?(?!\w)/gi;
const AGO = /\b(?:\d+|an?|one)\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago\b/gi;
const WEEKDAYS = /\b(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\b\.?/gi;
// Time zones as news sites print them after a time: "ET", "GMT+3", "UTC", "CEST".
const ZONES =
  /\b(?:[ecmp][sd]?t|gmt|utc|bst|ist|[cemw]e[sd]?t|msk|aest|jst|hkt|sgt|z)\b(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?/gi;
const STAMP_WORDS = /\b(?:published|updated|posted|modified|last|first|on|at|am|pm)\b/gi;

/**
 * The line is only a timestamp, as a news page prints above or below its headline: a clock time
 * ("1:39 pm ET"), "3 hours ago", or a date with a time ("Updated Mon 6 May 2024, 17:39 BST").
 */
export function isTimestampLine(s: string): boolean {
  if (s.length > 80) return false;
  CLOCK.lastIndex = 0;
  AGO.lastIndex = 0;
  if (!CLOCK.test(s) && !AGO.test(s) && !isDateLine(s)) return false;
  const rest = stripDates(s)
    .replace(AGO, ' ')
    .replace(CLOCK, ' ')
    .replace(WEEKDAYS, ' ')
    .replace(ZONES, ' ')
    .replace(STAMP_WORDS, ' ')
    .replace(/[\s,.:;|·•()/–—-]+/g, '');
  return rest.length === 0;
}
