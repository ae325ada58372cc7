import type { Fact, ReadingFacts } from './facts.js';
import type { NameEntity } from './names.js';

/** An option as shown, with the value it is ordered by (numbers, years, dates). */
export interface Option {
  text: string;
  value?: number;
}

/** One thing of a kind the reading states, with how to show it as an option. */
export interface Candidate {
  key: string;
  text: string;
  value?: number;
  /** How often the reading states it; a thing it states often makes a plausible wrong option. */
  mentions: number;
  first: number;
}

/**
 * Everything of each kind and group that the reading states, so that wrong options are values of
 * the same kind taken from the same reading (other percentages for a percentage, other
 * organisations for an organisation), never made up.
 */
export class FactInventory {
  private readonly numbers = new Map<string, Map<string, Candidate>>();

  constructor(private readonly facts: ReadingFacts) {
    let order = 0;
    for (const list of facts.bySentence)
      for (const fact of list) {
        order++;
        if (fact.value === undefined || isName(fact)) continue;
        const group = `${fact.kind}/${fact.group}`;
        const byKey = this.numbers.get(group) ?? new Map<string, Candidate>();
        const known = byKey.get(fact.key);
        if (known) known.mentions++;
        else byKey.set(fact.key, { key: fact.key, text: fact.text, value: fact.value, mentions: 1, first: order });
        this.numbers.set(group, byKey);
      }
  }

  /**
   * Up to `count` wrong options for a fact: not the answer, not anything else the sentence says
   * (which would make the question a puzzle about the sentence), nearest in value for numbers and
   * most mentioned for names, each shown as the answer is written.
   */
  distractors(fact: Fact, sentenceFacts: readonly Fact[], count: number): Option[] {
    const inSentence = new Set(sentenceFacts.map((f) => f.key));
    const answer = this.answerText(fact).toLowerCase();
    const shown = new Set([answer]);
    const chosen: Option[] = [];
    for (const candidate of this.ranked(fact)) {
      if (chosen.length === count) break;
      if (candidate.key === fact.key || inSentence.has(candidate.key)) continue;
      const text = this.styled(fact, candidate);
      if (shown.has(text.toLowerCase())) continue;
      shown.add(text.toLowerCase());
      chosen.push({ text, value: candidate.value });
    }
    return chosen;
  }

  /** The answer as an option shows it: an organisation without its bracketed acronym. */
  answerText(fact: Fact): string {
    if (fact.kind === 'organisation') {
      const entity = this.facts.names.entity(fact.key);
      const bare = fact.text.replace(/\s?\([^)]*\)$/, '');
      return entity && isShort(bare) ? (entity.short ?? bare) : bare;
    }
    return fact.text;
  }

  private ranked(fact: Fact): Candidate[] {
    if (isName(fact)) {
      // Options in one form: acronyms beside an acronym, names spelled out beside a spelled-out one.
      const short = isShort(this.answerText(fact));
      const sameForm = (e: NameEntity) => (short ? e.short !== null || isShort(e.full) : !isShort(e.full));
      return [...this.facts.names.entities.values()]
        .filter((e) => e.kind === fact.kind)
        .sort((a, b) => Number(sameForm(b)) - Number(sameForm(a)) || b.mentions - a.mentions || a.first - b.first)
        .map((e) => nameCandidate(e));
    }
    const pool = [...(this.numbers.get(`${fact.kind}/${fact.group}`)?.values() ?? [])];
    const distance = (v: number) =>
      fact.kind === 'percentage' || fact.kind === 'figure'
        ? Math.abs(Math.log((v + 1) / (fact.value! + 1)))
        : Math.abs(v - fact.value!);
    return pool.sort((a, b) => distance(a.value!) - distance(b.value!) || a.first - b.first);
  }

  /** A wrong option written the way the answer is: "35 percent" beside "80 percent", a surname beside a surname. */
  private styled(fact: Fact, candidate: Candidate): string {
    if (fact.kind === 'percentage') {
      const unit = /%$/.test(fact.text) ? '%' : /per cent$/.test(fact.text) ? ' per cent' : ' percent';
      return `${candidate.value}${unit}`;
    }
    if (isName(fact)) {
      const entity = this.facts.names.entity(candidate.key)!;
      return isShort(this.answerText(fact)) && entity.short ? entity.short : entity.full;
    }
    return candidate.text;
  }
}

const isShort = (name: string) => /^\p{Lu}{2,6}s?$/u.test(name);
const isName = (fact: Fact) => fact.kind === 'organisation' || fact.kind === 'person' || fact.kind === 'place';

const nameCandidate = (entity: NameEntity): Candidate => ({
  key: entity.key,
  text: entity.full,
  mentions: entity.mentions,
  first: entity.first,
});
