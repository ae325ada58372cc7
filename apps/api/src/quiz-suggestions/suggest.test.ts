import { resolve } from '@commonplace/anchoring';
import { questionCreate } from '@commonplace/contracts';
import { describe, expect, it } from 'vitest';
import { BLANK, sentenceQuality, suggestQuestions } from './suggest.js';

const READING_ID = '7d1c4b0e-6a59-4d5e-9a53-0f1f5f1f2a11';

function reading(...blocks: Array<[string, string]>) {
  let text = '';
  const spans = blocks.map(([type, body], i) => {
    if (i > 0) text += '\n\n';
    const span = { type, start: text.length, end: text.length + body.length };
    text += body;
    return span;
  });
  return { readingId: READING_ID, title: 'Pipelines', text, blocks: spans };
}

const PIPELINES = reading(
  ['heading', 'Oil and the 80 percent question'],
  ['paragraph', 'Oil and gas account for approximately 35 percent of the country’s GDP in most recent years.'],
  ['paragraph', 'About 80 percent of its oil is exported through the Caspian Pipeline Consortium (CPC) to the sea.'],
  ['paragraph', 'Trade with the European Union (EU) made up 29.7 percent of all trade in goods that year.'],
  ['paragraph', 'The tenge lost 20 percent of its value against the dollar within a single month.'],
  ['caption', 'Figure 2. Oil exports fell by 45 percent in the month after the closure of the line.'],
  ['paragraph', 'The Eurasian Economic Union (EAEU) was established on January 1, 2015, after false starts.'],
);

describe('suggestQuestions', () => {
  const suggestions = suggestQuestions(PIPELINES, 50);

  it('asks about a percentage with the other percentages of the reading as wrong options', () => {
    const cpc = suggestions.find((s) => s.answer === '80 percent')!;
    expect(cpc.kind).toBe('percentage');
    const question = cpc.question;
    if (question.type !== 'single-choice') throw new Error(`expected a single choice, got ${question.type}`);
    expect(question.prompt).toContain(`About ${BLANK} of its oil is exported through the Caspian Pipeline Consortium`);
    expect(question.options).toEqual([
      { text: '20 percent', correct: false, feedback: '' },
      { text: '29.7 percent', correct: false, feedback: '' },
      { text: '35 percent', correct: false, feedback: '' },
      { text: '80 percent', correct: true, feedback: '' },
    ]);
  });

  it('never takes a wrong option from a heading or caption, nor a sentence from one', () => {
    const all = JSON.stringify(suggestions.map((s) => s.question));
    expect(all).not.toContain('45 percent');
    expect(suggestions.every((s) => !s.passage.quote.includes('Figure'))).toBe(true);
  });

  it('ties each question to its sentence with selectors that resolve to it', () => {
    for (const s of suggestions) {
      const passage = s.question.passage!;
      expect(passage.readingId).toBe(READING_ID);
      const [quote, position] = passage.selector;
      expect(PIPELINES.text.slice(s.passage.start, s.passage.end)).toBe(s.passage.quote);
      const anchored = resolve(PIPELINES.text, {
        quote: quote as never,
        position: position as never,
      });
      expect(anchored).toMatchObject({ orphaned: false, start: s.passage.start, end: s.passage.end });
    }
  });

  it('makes bodies the question route accepts as they are', () => {
    for (const s of suggestions) expect(questionCreate.safeParse(s.question).success).toBe(true);
  });

  it('falls back to a cloze with every spelling of the answer when the reading has too few of its kind', () => {
    const eaeu = suggestions.find((s) => s.passage.quote.startsWith('The Eurasian Economic Union'))!;
    expect(eaeu.question).toMatchObject({
      type: 'cloze',
      text: 'The Eurasian Economic Union (EAEU) was established on {{1}}, after false starts.',
      blanks: [{ acceptedAnswers: ['January 1, 2015'], caseSensitive: false }],
    });
  });

  it('blanks an organisation together with its bracketed acronym, which would give it away', () => {
    const text = suggestQuestions(
      reading(
        ['paragraph', 'Most of the oil runs through the Caspian Pipeline Consortium (CPC) to the Black Sea port.'],
        ['paragraph', 'Members of the Eurasian Economic Union (EAEU) share a customs area and a common market.'],
        [
          'paragraph',
          'The Collective Security Treaty Organization (CSTO) sent troops at the request of the president.',
        ],
        ['paragraph', 'The Shanghai Cooperation Organisation (SCO) met in the capital for the first time that year.'],
      ),
    )
      .map((s) => JSON.stringify(s.question))
      .join('\n');
    expect(text).not.toMatch(/_____ \(CPC\)|\{\{1\}\} \(CPC\)/);
  });

  it('leaves out a fact the sentence states twice, since the blank would be filled by the other', () => {
    const twice = reading(
      ['paragraph', 'In 2014 the union was founded, and by the end of 2014 it had five member states.'],
      ['paragraph', 'The founding treaty was signed in Astana in 2012 by three of the future members.'],
    );
    expect(suggestQuestions(twice).map((s) => s.answer)).not.toContain('2014');
  });

  it('gives one question for a paragraph printed twice, and one per fact', () => {
    const doubled = reading(
      ['paragraph', 'The pipeline carries over 80% of the total oil exports of the country in a normal year.'],
      ['paragraph', 'The pipeline carries over 80% of the total oil exports of the country in a normal year.'],
      ['paragraph', 'Analysts agree that about 80% of the total oil exports go through the single pipeline.'],
    );
    expect(suggestQuestions(doubled)).toHaveLength(1);
  });

  it('ranks, limits, and gives the same output for the same input', () => {
    const scores = suggestions.map((s) => s.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(suggestQuestions(PIPELINES, 2)).toEqual(suggestions.slice(0, 2));
    expect(suggestQuestions(PIPELINES, 50)).toEqual(suggestions);
    expect(new Set(suggestions.map((s) => s.id)).size).toBe(suggestions.length);
  });
});

describe('sentenceQuality', () => {
  it('refuses fragments, captions, links and table-of-contents lines; prefers a sentence that stands alone', () => {
    expect(sentenceQuality('Too short to ask about.')).toBeNull();
    expect(sentenceQuality('Figure 3. The pipelines of the region and their owners in the year 2020.')).toBeNull();
    expect(sentenceQuality('See https://example.org for the full list of the members of the union.')).toBeNull();
    expect(sentenceQuality('Chapter 2: Russian Influence in Kazakhstan ........................ 14')).toBeNull();
    const alone = sentenceQuality('The consortium began operating in 2001 with several foreign investors.')!;
    const leaning = sentenceQuality('It began operating in 2001 with several foreign investors and partners.')!;
    expect(alone).toBeGreaterThan(leaning);
  });
});
