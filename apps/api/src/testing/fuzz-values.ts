import { randomUUID } from 'node:crypto';
import type { z } from 'zod';

/** A seeded random source (mulberry32), so that a failing run can be repeated from its seed. */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    chance: (p: number) => next() < p,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
  };
}
export type Random = ReturnType<typeof seededRandom>;

/** Strings that broke the API before: NUL, lone surrogates, and the other usual suspects. */
export const nastyStrings = [
  '\u0000',
  'Tracks\u0000and treaties',
  'x\ud800y',
  '\udc00',
  '',
  '   ',
  'a'.repeat(6000),
  '\u202eevil',
  '🐎 Steppe',
  '<script>alert(1)</script>',
  '\'; DROP TABLE "User"; --',
  '%00',
  '0000-01-01',
  '-000001-01-01',
  '275760-09-13',
  '2024-02-30',
  '0000-01-01T00:00:00Z',
  '0001-01-01T00:00:00+01:00',
  '9999-12-31T23:59:59-23:59',
  '00000000-0000-0000-0000-000000000000',
];
export const nastyNumbers = [2147483648, 9007199254740991, -2147483649, -1, 0.5, 1e308, -0, 0, 1, 2147483647];
const nastyOthers: unknown[] = [null, true, false, [], {}, [null], { nested: '\u0000' }];

/** Dates and times at the edges of what JavaScript and PostgreSQL store. */
const edgeDays = ['0000-01-01', '0001-01-01', '1969-12-31', '2027-02-28', '2028-02-29', '9999-12-31'];
const edgeTimes = [
  '0000-01-01T00:00:00Z',
  '0001-01-01T00:30:00+01:00',
  '2027-03-01T09:00:00+05:00',
  '9999-12-31T23:59:59Z',
  '9999-12-31T23:59:59-23:59',
];

/** Anything at all, of any type: what a careless or hostile client sends. */
export function nastyValue(random: Random): unknown {
  const kind = random.next();
  if (kind < 0.5) return random.pick(nastyStrings);
  if (kind < 0.8) return random.pick(nastyNumbers);
  return random.pick(nastyOthers);
}

interface Def {
  type: string;
  format?: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  in?: z.ZodType;
  entries?: Record<string, string>;
  options?: z.ZodType[];
}
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Plausible text with, now and then, a character the database cannot store spliced in. */
function text(random: Random): string {
  const base = random.pick(['Week 1', 'Tracks and Treaties', 'Aliya Karimova', 'trade routes', 'Spring 2027']);
  if (!random.chance(0.3)) return base;
  const at = Math.floor(random.next() * base.length);
  return base.slice(0, at) + random.pick(['\u0000', '\ud800', '\udfff']) + base.slice(at);
}

/**
 * A value shaped by a contracts schema (objects with its keys, strings of its format, numbers at
 * the edges) with, at every level, a chance of something of another type altogether. `ids` are
 * real ids of the fixture, for the uuid fields that name something.
 */
export function valueFor(schema: z.ZodType, random: Random, ids: readonly string[]): unknown {
  if (random.chance(0.15)) return nastyValue(random);
  const def = defOf(schema);
  switch (def.type) {
    case 'object': {
      const value: Record<string, unknown> = {};
      for (const [key, field] of Object.entries(def.shape ?? {})) {
        if (random.chance(0.2)) continue;
        value[key] = valueFor(field, random, ids);
      }
      if (random.chance(0.05)) value.unexpected = nastyValue(random);
      return value;
    }
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
      if (random.chance(0.2)) return def.type === 'nullable' ? null : undefined;
      return valueFor(def.innerType!, random, ids);
    case 'pipe':
      return valueFor(def.in!, random, ids);
    case 'array':
      return Array.from({ length: Math.floor(random.next() * 4) }, () => valueFor(def.element!, random, ids));
    case 'enum':
      return random.pick(Object.values(def.entries ?? {}));
    case 'union':
      return valueFor(random.pick(def.options ?? []), random, ids);
    case 'boolean':
      return random.chance(0.5);
    case 'number':
      return random.pick([...nastyNumbers, 0.25, 0.99, 3, 300, 500]);
    case 'string':
      if (def.format === 'uuid') return random.chance(0.7) ? random.pick(ids) : randomUUID();
      if (def.format === 'date') return random.pick(edgeDays);
      if (def.format === 'datetime') return random.pick(edgeTimes);
      if (def.format === 'email') return random.pick(['someone@example.test', 'x\u0000@example.test', 'x@\ud800.test']);
      return text(random);
    default:
      return nastyValue(random);
  }
}

/** Percent-encodes for a URL, writing a lone surrogate as the bytes a careless client would send. */
export function encodeForUrl(value: string): string {
  return Array.from(value, (character) => {
    try {
      return encodeURIComponent(character);
    } catch {
      return '%ED%A0%80';
    }
  }).join('');
}
