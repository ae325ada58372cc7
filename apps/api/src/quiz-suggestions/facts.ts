import type { Sentence } from './sentences.js';
import { collectNames, type NameIndex } from './names.js';

/**
 * The facts a sentence states that a question can ask about: figures, percentages, years, dates,
 * and the organisations, people and places it names. Each fact knows its place in the sentence, a
 * `key` under which two mentions of the same thing are equal ("80%" and "80 percent"; "CPC" and
 * "Caspian Pipeline Consortium"), and a `group` within its kind from which wrong options are
 * drawn (days with days, dollars with dollars, dates with a day with dates with a day).
 */
export type FactKind = 'percentage' | 'figure' | 'year' | 'date' | 'organisation' | 'person' | 'place';

export interface Fact {
  kind: FactKind;
  /** Offsets in the sentence's text: the words a question blanks. */
  start: number;
  end: number;
  /** The answer as the reading writes it. */
  text: string;
  key: string;
  group: string;
  /** A value to order options by (numbers, years, dates); names are ordered alphabetically. */
  value?: number;
  /** Other ways to write the answer that a typed answer should accept. */
  variants: string[];
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const MONTH = `(${MONTHS.join('|')})`;
const monthNumber = (name: string) => MONTHS.indexOf(name) + 1;

const PERCENTAGE = /(?<![\d.,-])(\d{1,3}(?:\.\d+)?)(\s?%|\s(?:percent|per cent)\b)/g;
const MONEY = /(US\$|\$|€|£)\s?(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s(million|billion|trillion))?/g;
const COUNT =
  /(?<![\p{L}\d.,$€£-])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s(million|billion|thousand|trillion))?\s([a-z][a-z-]{2,})\b/gu;
const DAY_DATE = new RegExp(`(?<![-–])\\b${MONTH}\\s(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s(\\d{4})\\b)?`, 'g');
const DATE_DAY_FIRST = new RegExp(`\\b(\\d{1,2})\\s${MONTH}\\b(?:,?\\s(\\d{4})\\b)?`, 'g');
const MONTH_YEAR = new RegExp(`(?<![-–])\\b${MONTH}\\s(\\d{4})\\b`, 'g');
const YEAR = /(?<![\p{L}\d$€£.,/-])(1[89]\d\d|20\d\d)(?![\d%s]|\s?percent|-\d)/gu;

const SCALE: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };
const CURRENCY: Record<string, string> = { US$: 'USD', $: 'USD', '€': 'EUR', '£': 'GBP' };
/** Words after a number that are not what it counts. */
const NOT_UNITS = new Set(
  'and or the to in of for with by on at from as was were is are when after before than that which who while per but into its their this these those'.split(
    ' ',
  ),
);

const number = (digits: string) => Number(digits.replace(/,/g, ''));
const singular = (word: string) =>
  word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
const formatNumber = (value: number) => String(Math.round(value * 1e6) / 1e6);

interface Claim {
  start: number;
  end: number;
}
const overlaps = (claims: Claim[], start: number, end: number) => claims.some((c) => start < c.end && c.start < end);

/** Figures, percentages, dates and years of one sentence; earlier patterns win overlaps. */
export function numericFacts(sentence: string): Fact[] {
  const facts: Fact[] = [];
  const add = (fact: Omit<Fact, 'text'>) => {
    if (overlaps(facts, fact.start, fact.end)) return;
    facts.push({ ...fact, text: sentence.slice(fact.start, fact.end) });
  };
  for (const m of sentence.matchAll(PERCENTAGE)) {
    const value = Number(m[1]);
    add({
      kind: 'percentage',
      start: m.index,
      end: m.index + m[0].length,
      key: `${formatNumber(value)}%`,
      group: 'percent',
      value,
      variants: [`${m[1]}%`, `${m[1]} percent`, `${m[1]} per cent`],
    });
  }
  for (const m of sentence.matchAll(MONEY)) {
    const value = number(m[2]!) * (SCALE[m[3] ?? ''] ?? 1);
    const currency = CURRENCY[m[1]!]!;
    add({
      kind: 'figure',
      start: m.index,
      end: m.index + m[0].length,
      key: `${currency} ${value}`,
      group: currency,
      value,
      variants: [m[0].replace(/\s+/g, ' '), m[0].replace(/^(US\$|\$|€|£)\s?/, '')],
    });
  }
  for (const pattern of [DAY_DATE, DATE_DAY_FIRST]) {
    for (const m of sentence.matchAll(pattern)) {
      const dayFirst = pattern === DATE_DAY_FIRST;
      const month = monthNumber(dayFirst ? m[2]! : m[1]!);
      const day = Number(dayFirst ? m[1] : m[2]);
      if (day < 1 || day > 31) continue;
      const year = m[3] ? Number(m[3]) : null;
      add({
        kind: 'date',
        start: m.index,
        end: m.index + m[0].length,
        key: `${year ?? '?'}-${month}-${day}`,
        group: year ? 'day-year' : 'day',
        value: (year ?? 0) * 10_000 + month * 100 + day,
        variants: [],
      });
    }
  }
  for (const m of sentence.matchAll(MONTH_YEAR)) {
    const year = Number(m[2]);
    const month = monthNumber(m[1]!);
    add({
      kind: 'date',
      start: m.index,
      end: m.index + m[0].length,
      key: `${year}-${month}`,
      group: 'month-year',
      value: year * 10_000 + month * 100,
      variants: [],
    });
  }
  for (const m of sentence.matchAll(COUNT)) {
    const unit = m[3]!;
    if (NOT_UNITS.has(unit) || unit === 'percent') continue;
    const digits = m[1]!;
    // A bare four-digit number from 1800 to 2099 is a year, not a count.
    if (!m[2] && /^(1[89]|20)\d\d$/.test(digits)) continue;
    const value = number(digits) * (SCALE[m[2] ?? ''] ?? 1);
    // The number and its scale are the answer; the unit stays in the sentence as the clue.
    const end = m.index + m[0].length - unit.length - 1;
    add({
      kind: 'figure',
      start: m.index,
      end,
      key: `${value} ${singular(unit)}`,
      group: singular(unit),
      value,
      variants: [],
    });
  }
  for (const m of sentence.matchAll(YEAR)) {
    // A year in brackets is a citation ("Jones (2019)"), not a fact of the reading.
    if (sentence[m.index - 1] === '(' && sentence[m.index + 4] === ')') continue;
    const value = Number(m[1]);
    add({
      kind: 'year',
      start: m.index,
      end: m.index + 4,
      key: String(value),
      group: 'year',
      value,
      variants: [],
    });
  }
  return facts.sort((a, b) => a.start - b.start);
}

/** Organisations, people and places of one sentence, as the reading's name index classifies them. */
export function nameFacts(sentence: Sentence, names: NameIndex): Fact[] {
  return names.mentions(sentence).map((mention) => ({
    kind: mention.kind,
    start: mention.start,
    end: mention.end,
    text: sentence.text.slice(mention.start, mention.end),
    key: mention.key,
    group: mention.kind,
    variants: mention.variants,
  }));
}

export interface ReadingFacts {
  /** Facts of each sentence, in the order of the sentences given. */
  bySentence: Fact[][];
  names: NameIndex;
}

/** Every fact of a reading's sentences: numbers first, then names where no number is. */
export function readingFacts(sentences: readonly Sentence[]): ReadingFacts {
  const names = collectNames(sentences);
  const bySentence = sentences.map((sentence) => {
    const numbers = numericFacts(sentence.text);
    const named = nameFacts(sentence, names).filter((fact) => !overlaps(numbers, fact.start, fact.end));
    return [...numbers, ...named].sort((a, b) => a.start - b.start);
  });
  return { bySentence, names };
}
