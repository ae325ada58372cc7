import { describe } from '@commonplace/anchoring';
import type { QuestionCreate, QuizSuggestion } from '@commonplace/contracts';
import { FactInventory, type Option } from './distractors.js';
import { readingFacts, type Fact, type FactKind } from './facts.js';
import { readingSentences, type Sentence, type TextBlock } from './sentences.js';

/**
 * Question suggestions from a reading, made here and now from its text alone: no outside service
 * and no randomness, so the same text always gives the same suggestions in the same order.
 * Each sentence that states a fact gives at most one suggestion, about its best fact: a single
 * choice when the reading has three other values of the same kind to offer as wrong options, a
 * cloze otherwise.
 */

export interface SuggestInput {
  readingId: string;
  title: string;
  /** The reading's canonical text, and its blocks' types and spans there. */
  text: string;
  blocks: readonly TextBlock[];
}

const DEFAULT_SUGGESTIONS = 20;
const WRONG_OPTIONS = 3;
const CONTEXT_CHARS = 80;
export const BLANK = '_____';

/** How good a question each kind of fact makes: a share or a date is what a reader should retain. */
const KIND_WEIGHT: Record<FactKind, number> = {
  percentage: 1,
  date: 0.9,
  figure: 0.85,
  year: 0.85,
  organisation: 0.8,
  person: 0.75,
  place: 0.6,
};

const LEAD: Record<FactKind, string> = {
  percentage: 'Which percentage completes this sentence',
  figure: 'Which figure completes this sentence',
  year: 'Which year completes this sentence',
  date: 'Which date completes this sentence',
  organisation: 'Which organisation completes this sentence',
  person: 'Who completes this sentence',
  place: 'Which place completes this sentence',
};

/** A sentence fit to quote in a question, or null: whole, of a reasonable length, not apparatus. */
export function sentenceQuality(text: string): number | null {
  const words = text.split(/\s+/).length;
  if (text.length < 50 || text.length > 350 || words < 8) return null;
  if (!/^["“‘(]?[\p{Lu}\d]/u.test(text) || !/[.!]["'”’)]*$/.test(text)) return null;
  if (/https?:|www\.|©|\.{4,}|…{2,}|\{\{|^(?:Figure|Fig\.|Table|Source|Map|Chart)\b/i.test(text)) return null;
  let quality = 1;
  // A sentence opening on a pronoun leans on the one before it.
  if (/^(?:It|Its|This|These|They|Their|He|She|His|Her|That|Those|Such|Them)\b/.test(text)) quality -= 0.2;
  // Quoted words are someone else's; a question about them tests who said what.
  if (/[“”"]/.test(text)) quality -= 0.1;
  if (text.length > 250) quality -= 0.1;
  return quality;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether the sentence, with the fact blanked, still gives the answer away. */
function leaks(blanked: string, fact: Fact, answer: string): boolean {
  const forms = [answer, ...fact.variants, fact.text.replace(/\s?\([^)]*\)$/, '')];
  if (fact.value !== undefined && fact.kind !== 'date') forms.push(String(fact.value));
  return forms.some(
    (form) => form.length > 1 && new RegExp(`(?<![\\p{L}\\d])${escapeRegExp(form)}(?![\\p{L}\\d])`, 'iu').test(blanked),
  );
}

interface Candidate {
  sentence: Sentence;
  fact: Fact;
  answer: string;
  wrong: Option[];
  score: number;
}

function bestCandidate(
  sentence: Sentence,
  facts: readonly Fact[],
  inventory: FactInventory,
  quality: number,
): Candidate | null {
  let best: Candidate | null = null;
  for (const fact of facts) {
    const answer = inventory.answerText(fact);
    const blanked = sentence.text.slice(0, fact.start) + BLANK + sentence.text.slice(fact.end);
    if (leaks(blanked, fact, answer)) continue;
    const wrong = inventory.distractors(fact, facts, WRONG_OPTIONS);
    let score = KIND_WEIGHT[fact.kind] + quality;
    // One clear fact: every other fact in the sentence muddies what it asks.
    score -= 0.1 * (facts.length - 1);
    if (wrong.length === WRONG_OPTIONS) score += 0.1;
    if (fact.start === 0) score -= 0.05;
    if (!best || score > best.score) best = { sentence, fact, answer, wrong, score };
  }
  return best;
}

const normalise = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();

function unique(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const key = v.toLowerCase();
    if (!v.trim() || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function orderedOptions(fact: Fact, answer: string, wrong: Option[]) {
  const options = [{ text: answer, value: fact.value, correct: true }, ...wrong.map((w) => ({ ...w, correct: false }))];
  const numeric = options.every((o) => o.value !== undefined);
  // Numbers in order and names alphabetically: the right one's place says nothing.
  options.sort((a, b) => (numeric ? a.value! - b.value! : a.text.localeCompare(b.text, 'en')));
  return options.map((o) => ({ text: o.text, correct: o.correct, feedback: '' }));
}

function toQuestion(candidate: Candidate, input: SuggestInput): QuestionCreate {
  const { sentence, fact, answer, wrong } = candidate;
  const selectors = describe(input.text, sentence.start, sentence.end);
  const passage = { readingId: input.readingId, selector: [selectors.quote, selectors.position] };
  const before = sentence.text.slice(0, fact.start);
  const after = sentence.text.slice(fact.end);
  const common = { points: 1, feedback: `The reading says: “${sentence.text}”`, passage };
  if (wrong.length === WRONG_OPTIONS) {
    return {
      type: 'single-choice',
      prompt: `${LEAD[fact.kind]} from “${input.title}”?\n\n“${before}${BLANK}${after}”`,
      options: orderedOptions(fact, answer, wrong),
      ...common,
    } as QuestionCreate;
  }
  return {
    type: 'cloze',
    prompt: `Fill in the blank in this sentence from “${input.title}”.`,
    text: `${before}{{1}}${after}`,
    blanks: [{ acceptedAnswers: unique([answer, fact.text, ...fact.variants]).slice(0, 50), caseSensitive: false }],
    ...common,
  } as QuestionCreate;
}

/** Suggestions for a reading, best first, at most `limit`. */
export function suggestQuestions(input: SuggestInput, limit = DEFAULT_SUGGESTIONS): QuizSuggestion[] {
  const sentences = readingSentences(input.text, input.blocks);
  const facts = readingFacts(sentences);
  const inventory = new FactInventory(facts);
  const candidates: Candidate[] = [];
  sentences.forEach((sentence, i) => {
    const quality = sentenceQuality(sentence.text);
    const sentenceFacts = facts.bySentence[i]!;
    if (quality === null || !sentenceFacts.length) return;
    const best = bestCandidate(sentence, sentenceFacts, inventory, quality);
    if (best) candidates.push(best);
  });
  candidates.sort((a, b) => b.score - a.score || a.sentence.start - b.sentence.start);

  const seenSentences = new Set<string>();
  const seenAnswers = new Set<string>();
  const chosen: QuizSuggestion[] = [];
  for (const candidate of candidates) {
    if (chosen.length === limit) break;
    // A reading that prints a paragraph twice, or one fact asked twice, gives one question.
    const sentenceKey = normalise(candidate.sentence.text);
    const answerKey = `${candidate.fact.kind}:${candidate.fact.key}`;
    if (seenSentences.has(sentenceKey) || seenAnswers.has(answerKey)) continue;
    seenSentences.add(sentenceKey);
    seenAnswers.add(answerKey);
    const { sentence } = candidate;
    chosen.push({
      id: `${sentence.start}-${sentence.end}`,
      kind: candidate.fact.kind,
      answer: candidate.answer,
      score: Math.round(candidate.score * 1000) / 1000,
      passage: {
        start: sentence.start,
        end: sentence.end,
        quote: sentence.text,
        before: input.text.slice(Math.max(0, sentence.start - CONTEXT_CHARS), sentence.start),
        after: input.text.slice(sentence.end, sentence.end + CONTEXT_CHARS),
      },
      question: toQuestion(candidate, input),
    });
  }
  return chosen;
}
