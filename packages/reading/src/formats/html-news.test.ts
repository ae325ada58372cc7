import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importReading } from '../index.js';

const page = (body: string, head = '') =>
  new TextEncoder().encode(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`);
const PARAS = [
  'Cargo ships began leaving the port on Monday for the first time in two weeks, after insurers agreed to cover vessels in the corridor again and the port authority cleared the channel.',
  'More than forty vessels were waiting at anchor when the corridor re-opened, according to the port authority, and the first of them were loaded with wheat bound for North Africa.',
  'Traders said freight rates, which had risen by almost a third during the halt, fell back within hours of the announcement, although insurers kept the higher premium for a while.',
];
const article = (before: string, byline = '') =>
  `<article><h1>Grain Corridor Re-opens</h1>${byline}${before}${PARAS.map((p) => `<p>${p}</p>`).join('')}</article>`;

describe('HTML: a wire story saved as XHTML', () => {
  const data = new Uint8Array(readFileSync(new URL('../../test-fixtures/wire-story.html', import.meta.url)));

  it('reads the page behind its XML declaration: headline as written, no agency author, timestamp out of the text', async () => {
    const doc = await importReading({ data, filename: 'wire-story.html' });
    expect(doc).toMatchObject({
      title: 'Grain corridor re-opens after two-week halt - ships queue at Black Sea ports',
      authors: [],
      publisher: 'Harbour Wire',
      publishedAt: '2024-05-06',
    });
    expect(doc.blocks.map((b) => b.text.slice(0, 30))).toEqual([
      'ODESA, May 6 (Reuters) - Cargo',
      'More than forty vessels were w',
      'Traders said freight rates, wh',
      'The halt had followed a storm ',
    ]);
  });
});

describe('HTML: what stands around a news article', () => {
  it.each(['1:39 pm ET', '3 hours ago', 'Updated Mon 6 May 2024, 17:39 BST'])(
    'keeps the timestamp %j out of the text and starts with the first paragraph',
    async (stamp) => {
      const doc = await importReading({
        data: page(
          article(`<p class="timestamp">${stamp}</p>`),
          '<meta property="og:title" content="Grain Corridor Re-opens">',
        ),
      });
      expect(doc.blocks.map((b) => b.text)).toEqual(PARAS);
    },
  );

  it('keeps a timestamp under a headline worded unlike the page title out of the text, and takes its date', async () => {
    const doc = await importReading({
      data: page(
        `<article><h1>Grain corridor re-opens after a two-week halt</h1><p>Updated 6 May 2024, 1:39 pm ET</p>${PARAS.map((p) => `<p>${p}</p>`).join('')}</article>`,
        '<meta property="og:title" content="Corridor re-opens">',
      ),
    });
    expect(doc.publishedAt).toBe('2024-05-06');
    expect(doc.blocks.map((b) => b.text)).toEqual(['Grain corridor re-opens after a two-week halt', ...PARAS]);
  });

  it.each([
    ['a news agency in the author tag', '<meta name="author" content="Reuters">', ''],
    ['an empty author tag beside an agency byline', '<meta name="author" content="">', '<p class="byline">Reuters</p>'],
    ['an agency desk in the byline', '', '<p class="byline">By AP staff</p>'],
    ['an agency in the byline', '', '<p class="byline">By Agence France-Presse</p>'],
  ])('credits no author for %s', async (_, head, byline) => {
    const doc = await importReading({ data: page(article('', byline), head) });
    expect(doc.authors).toEqual([]);
    expect(doc.blocks.map((b) => b.text)).toEqual(PARAS);
  });

  it('keeps a person named beside the agency', async () => {
    const doc = await importReading({
      data: page(article('', '<p class="byline">By Olena Hrytsenko and Reuters</p>')),
    });
    expect(doc.authors).toEqual(['Olena Hrytsenko']);
  });

  it.each([
    ['Corridor re-opens - ships queue at ports | Harbour Wire', 'Corridor re-opens - ships queue at ports'],
    ['Harbour Wire - Corridor re-opens - ships queue at ports', 'Corridor re-opens - ships queue at ports'],
    ['Two-week halt ends - and rates fall', 'Two-week halt ends - and rates fall'],
  ])('keeps the hyphens of the headline %j', async (title, expected) => {
    const doc = await importReading({
      data: page(
        article(''),
        `<meta property="og:title" content="${title}"><meta property="og:site_name" content="Harbour Wire">`,
      ),
    });
    expect(doc.title).toBe(expected);
  });
});
