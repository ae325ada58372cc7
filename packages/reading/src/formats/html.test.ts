import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importReading, type ReadingDocument } from '../index.js';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../test-fixtures/${name}`, import.meta.url)));
const page = (body: string, head = '') =>
  new TextEncoder().encode(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`);
const LONG =
  'The harbour master kept a daily record of arrivals and departures, noting the weather, the state of the tide and the name of every pilot who brought a ship in over the bar.';
const texts = (doc: ReadingDocument) => doc.blocks.map((b) => b.text).join('\n');

describe('HTML: a magazine page with navigation, sidebar and footer', () => {
  const data = fixture('article.html');

  it('reads the article metadata from the page', async () => {
    const doc = await importReading({ data });
    expect(doc).toMatchObject({
      title: 'The Quiet Return of Night Trains',
      authors: ['Ines Lindqvist'],
      publisher: 'Rail Review',
      publishedAt: '2024-02-19',
    });
  });

  it('keeps the article and drops navigation, ads, sidebar and footer', async () => {
    const doc = await importReading({ data });
    expect(texts(doc)).toMatch(/^Sleeper services that were cut/);
    for (const chrome of ['Subscribe', 'Advertisement', 'Most read', 'Ten scenic railways', 'Share this', 'rights']) {
      expect(texts(doc)).not.toContain(chrome);
    }
    expect(doc.blocks.filter((b) => b.type === 'heading').map((b) => b.text)).toEqual([
      'Timetables and borders',
      'What comes next',
    ]);
    expect(doc.blocks.find((b) => b.type === 'caption')?.text).toBe('A refurbished couchette car at a depot.');
  });

  it('follows the superscript note links to the notes list, which leaves the text with its heading', async () => {
    const doc = await importReading({ data });
    expect(doc.notes).toEqual([
      { label: '1', text: 'Operator booking figures, winter season.' },
      { label: '2', text: 'Interviews with two infrastructure managers.' },
    ]);
    const first = doc.blocks[0]!;
    expect(first.noteRefs).toEqual([{ label: '1', offset: first.text.indexOf(' The revival') }]);
    expect(texts(doc)).not.toMatch(/\[\d\]|Notes|Operator booking/);
  });
});

describe('HTML: a news page with a cookie banner, share bar, ads, newsletter box and comments', () => {
  const data = fixture('news-page.html');

  it('takes title, both authors, publisher and date from the page metadata', async () => {
    const doc = await importReading({ data });
    expect(doc).toMatchObject({
      title: 'Why Cities Are Planting Orchards',
      authors: ['Priya Nandakumar', 'Owen Falk'],
      publisher: 'The Civic Ledger',
      publishedAt: '2023-09-14',
    });
  });

  it('keeps exactly the article: its paragraphs, headings by level, quote and caption', async () => {
    const doc = await importReading({ data });
    expect(doc.blocks.map((b) => [b.type, b.level ?? null, b.text.slice(0, 40)])).toEqual([
      ['paragraph', null, 'Fruit trees are appearing in parks, on s'],
      ['heading', 1, 'A harvest for everyone'],
      ['paragraph', null, 'The first public orchards were planted o'],
      ['quote', null, 'An apple tree in a park is a small act o'],
      ['heading', 2, 'What the gardeners say'],
      ['paragraph', null, 'Gardeners report that the trees need pru'],
      ['caption', null, 'Volunteers at a picking day in a municip'],
      ['heading', 1, 'Costs and doubts'],
      ['paragraph', null, 'Not every council is convinced. Some wor'],
    ]);
    for (const chrome of ['cookies', 'Accept all', 'Share on Facebook', 'Tweet', 'Advertisement', 'garden tools']) {
      expect(texts(doc)).not.toContain(chrome);
    }
    for (const chrome of ['Related articles', 'allotment', 'newsletter', 'Comments', 'moderated', '©']) {
      expect(texts(doc)).not.toContain(chrome);
    }
    expect(doc.warnings.map((w) => w.code)).toContain('BOILERPLATE_REMOVED');
  });

  it('links the footnote calls to the footnotes, without their back-links', async () => {
    const doc = await importReading({ data });
    expect(doc.notes).toEqual([
      { label: '1', text: 'Survey of municipal parks departments, spring 2023.' },
      { label: '2', text: 'Interviews with volunteer groups in four cities.' },
      { label: '3', text: "Correspondence with the city's insurer." },
    ]);
    const refs = doc.blocks.flatMap((b) =>
      (b.noteRefs ?? []).map((r) => [r.label, b.text.slice(r.offset - 6, r.offset)]),
    );
    expect(refs).toEqual([
      ['1', ' pick.'],
      ['2', 'itors.'],
      ['3', 'nswer.'],
    ]);
    expect(texts(doc)).not.toMatch(/↩|\[\d\]/);
  });
});

describe('HTML: other ways pages print their notes and metadata', () => {
  it('reads notes kept as paragraphs with named anchors, labelled as printed', async () => {
    const doc = await importReading({
      data: page(
        `<h1>Harbour Days</h1><p>${LONG}<a href="#n1">[1]</a> A later clerk added the cargo.<a href="#n2">[2]</a></p>` +
          `<p>${LONG}</p><hr><p><a name="n1">[1]</a> Harbour master's diary, 1851.</p><p><a name="n2">[2]</a> Added in red ink.</p>`,
      ),
    });
    expect(doc.notes).toEqual([
      { label: '1', text: "Harbour master's diary, 1851." },
      { label: '2', text: 'Added in red ink.' },
    ]);
    expect(doc.blocks.map((b) => b.noteRefs?.map((r) => r.label) ?? [])).toEqual([['1', '2'], []]);
  });

  it('does not take a link to a section of the page, or a page anchor inside a paragraph, for a note', async () => {
    const doc = await importReading({
      data: page(
        `<h1>Harbour Days</h1><p>See part <a href="#part2">2</a> and page <a href="#p12">12</a>.</p><p>${LONG}</p>` +
          `<section id="part2"><h2>Part two</h2><p>${LONG} On <span id="p12"></span>the next page the diary resumes.</p></section>`,
      ),
    });
    expect(doc.notes).toEqual([]);
    expect(doc.blocks.filter((b) => b.type === 'heading').map((b) => b.text)).toEqual(['Part two']);
    expect(texts(doc)).toContain('the next page the diary resumes.');
  });

  it('reads scholarly citation tags: title, authors written "Last, First", journal and date', async () => {
    const doc = await importReading({
      data: page(
        `<article><h1>Tides and Trade</h1><p>${LONG}</p><p>${LONG}</p></article>`,
        '<meta name="citation_title" content="Tides and Trade in the Northern Ports">' +
          '<meta name="citation_author" content="Sørensen, Karin"><meta name="citation_author" content="Abiodun, Tunde">' +
          '<meta name="citation_journal_title" content="Maritime History Review">' +
          '<meta name="citation_publication_date" content="2019/03/04">',
      ),
    });
    expect(doc).toMatchObject({
      title: 'Tides and Trade in the Northern Ports',
      authors: ['Karin Sørensen', 'Tunde Abiodun'],
      publisher: 'Maritime History Review',
      publishedAt: '2019-03-04',
    });
  });
});
