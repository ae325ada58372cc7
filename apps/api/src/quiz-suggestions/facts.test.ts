import { describe, expect, it } from 'vitest';
import { numericFacts, readingFacts } from './facts.js';
import { readingSentences } from './sentences.js';

const facts = (sentence: string) => numericFacts(sentence).map((f) => [f.kind, f.text, f.key, f.group]);

function paragraphs(...texts: string[]) {
  const text = texts.join('\n\n');
  let at = 0;
  const blocks = texts.map((t) => {
    const block = { type: 'paragraph', start: at, end: at + t.length };
    at += t.length + 2;
    return block;
  });
  return readingSentences(text, blocks);
}

describe('numericFacts', () => {
  it('reads percentages in every spelling under one key', () => {
    expect(facts('About 80 percent went one way, 80% another and 29.7 per cent a third.')).toEqual([
      ['percentage', '80 percent', '80%', 'percent'],
      ['percentage', '80%', '80%', 'percent'],
      ['percentage', '29.7 per cent', '29.7%', 'percent'],
    ]);
  });

  it('tells dates with a day, dates with a month, years and counts apart', () => {
    expect(facts('On July 5, 2022 a court closed it for 30 days; in March 2014 and in 2001 it was open.')).toEqual([
      ['date', 'July 5, 2022', '2022-7-5', 'day-year'],
      ['figure', '30', '30 day', 'day'],
      ['date', 'March 2014', '2014-3', 'month-year'],
      ['year', '2001', '2001', 'year'],
    ]);
  });

  it('reads sums of money with their scale and currency', () => {
    expect(facts('Investments amount to $42 billion and a fine of $3300 was imposed.')).toEqual([
      ['figure', '$42 billion', 'USD 42000000000', 'USD'],
      ['figure', '$3300', 'USD 3300', 'USD'],
    ]);
  });

  it('ignores citation years, glued numbers, ranges and the G7', () => {
    expect(facts('Jones (2019) wrote of the G7 price cap post2014 and of 1-2 percent of people.')).toEqual([]);
  });
});

describe('readingFacts: names', () => {
  const sentences = paragraphs(
    'Oil goes through the Caspian Pipeline Consortium (CPC) and the Eurasian Economic Union (EAEU) sets tariffs.',
    'President Kassym-Jomart Tokayev met officials in Kazakhstan and flew to Moscow.',
    'Later Tokayev said the CPC was closed while Kazakhstan’s Ministry of Finance objected.',
    'Russian media and Central Asian leaders were silent about Kazakhstan.',
  );
  const all = readingFacts(sentences);
  const names = (i: number) =>
    all.bySentence[i]!.filter((f) => f.value === undefined).map((f) => [f.kind, f.text, f.key]);

  it('spells an organisation out with its acronym, and knows the acronym alone as the same one', () => {
    expect(names(0)).toEqual([
      ['organisation', 'Caspian Pipeline Consortium (CPC)', 'organisation:caspian pipeline consortium'],
      ['organisation', 'Eurasian Economic Union (EAEU)', 'organisation:eurasian economic union'],
    ]);
    expect(names(2)).toContainEqual(['organisation', 'CPC', 'organisation:caspian pipeline consortium']);
  });

  it('knows a titled person by their surname later, and places by where the reading puts them', () => {
    expect(names(1)).toEqual([
      ['person', 'Kassym-Jomart Tokayev', 'person:tokayev'],
      ['place', 'Kazakhstan', 'place:kazakhstan'],
      ['place', 'Moscow', 'place:moscow'],
    ]);
    expect(names(2)).toEqual([
      ['person', 'Tokayev', 'person:tokayev'],
      ['organisation', 'CPC', 'organisation:caspian pipeline consortium'],
      ['place', 'Kazakhstan', 'place:kazakhstan'],
      ['organisation', 'Ministry of Finance', 'organisation:ministry of finance'],
    ]);
  });

  it('never takes a word for a people for a place', () => {
    expect(names(3)).toEqual([['place', 'Kazakhstan', 'place:kazakhstan']]);
  });
});
