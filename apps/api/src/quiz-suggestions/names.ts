import type { Sentence } from './sentences.js';

/**
 * Names in a reading, told apart without a dictionary of the world: what the reading itself says
 * about each. An organisation has an organisation's word in its name ("Consortium", "Ministry"),
 * is spelled out with its acronym ("Caspian Pipeline Consortium (CPC)") or is one of a few
 * well-known acronyms; a person is named after a title ("President Kassym-Jomart Tokayev") or
 * is the subject of "said", "pledged"…, and their surname alone is then the same person; a place
 * is a name the reading puts after "in", "to", "through"… somewhere. Anything else is left alone.
 */
export type NameKind = 'organisation' | 'person' | 'place';

export interface NameMention {
  kind: NameKind;
  start: number;
  end: number;
  key: string;
  variants: string[];
}

export interface NameEntity {
  key: string;
  kind: NameKind;
  /** The longest form the reading gives (a full name, an organisation spelled out). */
  full: string;
  /** A short form: an acronym, a surname. */
  short: string | null;
  mentions: number;
  first: number;
}

const WORD = `\\p{Lu}[\\p{L}\\p{M}’'\\-]*`;
const NAME = new RegExp(`(?<![\\p{L}\\p{M}’'\\-])${WORD}(?:\\s(?:(?:of|for|on|de|and)\\s(?:the\\s)?)?${WORD})*`, 'gu');
const ACRONYM = /^\p{Lu}{2,6}$/u;
const DEFINITION = /^\s?\((\p{Lu}{2,6})\)/u;
const POSSESSIVE = /[’']s?$/;

/** Capitalised words that begin a sentence or a clause rather than a name. */
const STOP = new Set(
  `The A An In On At By For But And Or However While Since After Before This That These Those It Its As When
  Although Though Despite Given Then Yet Meanwhile Moreover Furthermore Also Such Both Many Most Some Other Even
  Still Thus Instead If Because Unlike Like With Without Over Under About From To Of Nevertheless What Why How Who
  Where There Their They He She We I Our His Her Not No All One Two Three Several Each Every Indeed Among During
  Through Within Between Against Beyond Albeit Prior Whether Rather Here Now Today Only Further Similarly Finally
  First Second Third Last Next Already Though Until Unless Hence Therefore Consequently Nor So Do Does Did Has Have
  Had Was Were Is Are Be Being Been Can Could Would Should Will May Might Must Apart Ultimately Overall Notably Later
  Earlier Soon Once Again Just Perhaps Much Few Any Another Whereas`.split(/\s+/),
);
const MONTHS = new Set(
  'January February March April May June July August September October November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday'.split(
    ' ',
  ),
);
const TITLES = new Set(
  `President Prime Minister Foreign Deputy Vice Chancellor Secretary Senator Ambassador General Mr Mr. Mrs Mrs.
  Ms Ms. Dr Dr. Professor Prof. King Queen Emperor Chairman Spokesman Spokeswoman Premier Envoy Defense Defence
  Economy Finance Energy Trade`.split(/\s+/),
);
/** Words that make a name an organisation's. */
const ORGANISATION_WORDS = new Set(
  `Consortium Union Organization Organisation Ministry Bank Council Court Foundation Party Forum Corporation Company
  Agency Committee Parliament Institute University Fund Commission Assembly Alliance Association Initiative
  Community Service Office Department Government Administration Nations Authority Centre Center Network Conference Group Treaty
  Pact Bloc Cabinet Duma Senate Congress Kremlin`.split(/\s+/),
);
const KNOWN_ORGANISATIONS = new Set(
  'NATO UN EU CSTO SCO CIS OSCE IMF WTO EAEU EEU OPEC BRICS CICA OTS ASEAN WHO IAEA ECB EBRD ADB AIIB'.split(' '),
);
const KNOWN_PLACES = new Set('US USA UK UAE USSR PRC'.split(' '));
const ROMAN = /^[IVXLCDM]+$/;
const QUALIFIER = /^\p{Lu}[\p{L}]*-(?:led|backed|based|owned|run|controlled|dominated)$/u;
/** "Russian", "Central Asian", "Chinese": words for a people, never a place on their own. */
const DEMONYM = /(?:ian|ean|ese|ish|stani|ic)$/;
const PERSON_VERBS =
  /^\s(?:has\s|had\s|also\s|then\s)?(?:said|says|argued|argues|noted|stated|told|announced|declared|warned|reiterated|pledged|signed|visited|met|promised|insisted|claimed|added|explained|wrote)\b/;
const LOCATIVE =
  /\b(?:in|to|from|through|via|across|into|towards?|near|between|with|against|at|throughout|within)\s(?:the\s)?$/;

interface RawName {
  start: number;
  end: number;
  text: string;
  titled: boolean;
  possessive: boolean;
  /** An acronym given in brackets right after it, and where the brackets end. */
  definition: { acronym: string; end: number } | null;
}

const words = (text: string) => text.split(/\s+/);

/** The capitalised sequences of a sentence, trimmed of clause openers and titles, split at possessives. */
function rawNames(text: string): RawName[] {
  const names: RawName[] = [];
  for (const match of text.matchAll(NAME)) {
    // "Kazakhstan’s Ministry of Finance": the possessor and the possessed are two names.
    let offset = match.index;
    for (const piece of match[0].split(/(?<=[’']s?)\s/)) {
      const pieceStart = offset;
      offset += piece.length + 1;
      splitAtAnd(piece).forEach(([relative, part]) => trimmed(text, pieceStart + relative, part, names));
    }
  }
  // The acronym in "Caspian Pipeline Consortium (CPC)" belongs to the name before it.
  return names.filter((name, i) => !names.slice(0, i).some((n) => n.definition && name.start < n.definition.end));
}

/** "Georgia and Azerbaijan" are two names; "Belt and Road Initiative" is one organisation. */
function splitAtAnd(piece: string): Array<[number, string]> {
  const last = words(piece).at(-1)!.replace(POSSESSIVE, '');
  const first = piece.split(' and ')[0]!;
  if (!piece.includes(' and ') || (ORGANISATION_WORDS.has(last) && !hasOrganisationWord(first))) return [[0, piece]];
  const parts: Array<[number, string]> = [];
  let at = 0;
  for (const part of piece.split(' and ')) {
    const article = /^the\s/.exec(part)?.[0].length ?? 0;
    parts.push([at + article, part.slice(article)]);
    at += part.length + ' and '.length;
  }
  return parts;
}

function trimmed(text: string, start: number, piece: string, into: RawName[]): void {
  let from = 0;
  let titled = false;
  const list = words(piece);
  let i = 0;
  // Openers, titles, and "Moscow-led"-like qualifiers go; what is left is the name.
  const opener = (word: string) => STOP.has(word) || (start === 0 && /ly,?$/.test(word));
  for (; i < list.length - 1 && (opener(list[i]!) || TITLES.has(list[i]!) || QUALIFIER.test(list[i]!)); i++) {
    titled ||= TITLES.has(list[i]!) && !opener(list[i]!);
    from += list[i]!.length + 1;
  }
  // Connectors left at the front once a title or opener is gone ("of the Interior").
  if (/^(?:of|for|on|de|and)\s/.test(piece.slice(from))) return;
  let name = piece.slice(from);
  const possessive = POSSESSIVE.test(name) && /[’']/.test(name);
  name = name.replace(POSSESSIVE, '');
  if (!name || STOP.has(name) || TITLES.has(name) || MONTHS.has(name) || ROMAN.test(name)) return;
  if (words(name).every((w) => MONTHS.has(w) || STOP.has(w))) return;
  const nameStart = start + from;
  const nameEnd = nameStart + name.length;
  const definition = DEFINITION.exec(text.slice(nameEnd));
  into.push({
    start: nameStart,
    end: nameEnd,
    text: name,
    titled,
    possessive,
    definition: definition ? { acronym: definition[1]!, end: nameEnd + definition[0].length } : null,
  });
}

const isAcronym = (name: string) => ACRONYM.test(name.replace(/s$/, '')) && !ROMAN.test(name);
const acronymOf = (name: string) => name.replace(/s$/, '');
const hasOrganisationWord = (name: string) => words(name).some((w) => ORGANISATION_WORDS.has(w));
const surname = (name: string) => words(name).at(-1)!;

export class NameIndex {
  readonly entities = new Map<string, NameEntity>();
  private readonly bySentence = new Map<number, NameMention[]>();

  /** The names a sentence mentions (by its start in the text), in order. */
  mentions(sentence: Sentence): NameMention[] {
    return this.bySentence.get(sentence.start) ?? [];
  }

  entity(key: string): NameEntity | undefined {
    return this.entities.get(key);
  }

  record(sentence: Sentence, mention: NameMention, entity: Omit<NameEntity, 'mentions' | 'first'>): void {
    const list = this.bySentence.get(sentence.start) ?? [];
    list.push(mention);
    this.bySentence.set(sentence.start, list);
    const known = this.entities.get(entity.key);
    if (known) {
      known.mentions++;
      if (entity.full.length > known.full.length) known.full = entity.full;
      known.short ??= entity.short;
    } else this.entities.set(entity.key, { ...entity, mentions: 1, first: sentence.start + mention.start });
  }
}

/** Reads the whole reading once for what it says about each name, then classifies every mention. */
export function collectNames(sentences: readonly Sentence[]): NameIndex {
  const raw = sentences.map((s) => rawNames(s.text));
  const spelledOut = new Map<string, string>();
  const people = new Map<string, string>();
  const titled = new Set<string>();
  const places = new Set<string>();
  sentences.forEach((sentence, i) => {
    for (const name of raw[i]!) {
      if (name.definition && words(name.text).length > 1) spelledOut.set(name.definition.acronym, name.text);
      const before = sentence.text.slice(Math.max(0, name.start - 20), name.start);
      const after = sentence.text.slice(name.end);
      if (hasOrganisationWord(name.text) || isAcronym(name.text)) continue;
      if (/\s(?:of|for|on|de|and)\s/.test(name.text) || words(name.text).length > 4) {
        if (!name.possessive && LOCATIVE.test(before)) places.add(name.text);
      } else if (name.titled || (!name.possessive && PERSON_VERBS.test(after))) {
        if (name.titled) titled.add(surname(name.text));
        const full = people.get(surname(name.text));
        if (!full || name.text.length > full.length) people.set(surname(name.text), name.text);
      } else if (!name.possessive && LOCATIVE.test(before) && !DEMONYM.test(name.text)) places.add(name.text);
    }
  });
  // A name the reading also puts after "in" or "to" is a place even if it once "signed" something.
  for (const place of places) if (!titled.has(place)) people.delete(place);

  const index = new NameIndex();
  sentences.forEach((sentence, i) => {
    for (const name of raw[i]!) {
      const mention = classify(name, spelledOut, people, places);
      if (mention) index.record(sentence, mention.mention, mention.entity);
    }
  });
  return index;
}

function classify(
  name: RawName,
  spelledOut: Map<string, string>,
  people: Map<string, string>,
  places: Set<string>,
): { mention: NameMention; entity: Omit<NameEntity, 'mentions' | 'first'> } | null {
  const span = { start: name.start, end: name.definition?.end ?? name.end };
  if (isAcronym(name.text)) {
    const acronym = acronymOf(name.text);
    const full = spelledOut.get(acronym);
    if (KNOWN_PLACES.has(acronym)) return place(name, span, acronym);
    if (!full && !KNOWN_ORGANISATIONS.has(acronym)) return null;
    return organisation(span, full ?? acronym, acronym);
  }
  const definedAs = name.definition && spelledOut.get(name.definition.acronym) === name.text;
  if (hasOrganisationWord(name.text) || definedAs)
    return organisation(span, name.text, definedAs ? name.definition!.acronym : shortFor(name.text, spelledOut));
  const full = people.get(surname(name.text));
  if (full && (name.text === full || name.text === surname(full) || name.titled)) {
    const key = `person:${surname(full).toLowerCase()}`;
    return {
      mention: { kind: 'person', ...span, key, variants: [...new Set([full, surname(full)])] },
      entity: { key, kind: 'person', full, short: surname(full) },
    };
  }
  if (places.has(name.text)) return place(name, span, name.text);
  return null;
}

function shortFor(full: string, spelledOut: Map<string, string>): string | null {
  for (const [acronym, name] of spelledOut) if (name === full) return acronym;
  return null;
}

function organisation(span: { start: number; end: number }, full: string, acronym: string | null) {
  const key = `organisation:${full.toLowerCase()}`;
  const variants = [full, ...(acronym && acronym !== full ? [acronym, `${full} (${acronym})`] : [])];
  return {
    mention: { kind: 'organisation' as const, ...span, key, variants },
    entity: { key, kind: 'organisation' as const, full, short: acronym !== full ? acronym : null },
  };
}

function place(name: RawName, span: { start: number; end: number }, text: string) {
  const key = `place:${text.toLowerCase()}`;
  return {
    mention: { kind: 'place' as const, ...span, key, variants: [name.text] },
    entity: { key, kind: 'place' as const, full: text, short: null },
  };
}
