/** A short reading in canonical form (blocks joined by blank lines) for the anchoring tests. */
export const READING = [
  'The Steppe Railway',
  'In 2012 the railway reached Khorgos on the Chinese border, and trade between the two countries began to move by land rather than by sea. Trade grew quickly.',
  'Officials in Astana spoke of a new Silk Road. Freight trains crossed the steppe every day, and the dry port at Khorgos became one of the largest in the world.',
  'By 2020 the picture had changed again. Trade grew quickly. Tariffs in the Eurasian Economic Union shaped what crossed the border, and Moscow watched closely.',
  'Critics asked whether the loans behind the railway would ever be repaid.',
].join('\n\n');

/** The offsets of the `occurrence`-th copy of `words` in `text`, to describe a passage by its words. */
export function find(text: string, words: string, occurrence = 0): [number, number] {
  let start = -1;
  for (let seen = 0; seen <= occurrence; seen++) {
    start = text.indexOf(words, start + 1);
    if (start < 0) throw new Error(`"${words}" occurs fewer than ${occurrence + 1} times`);
  }
  return [start, start + words.length];
}
