import type { JSONContent } from '@tiptap/core';
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { toMarkdown, type MarkdownOptions } from './markdown.js';
import { CITED, EVERY_NODE, syncedDocument } from './testing/every-node.js';

const links: MarkdownOptions = {
  readingUrl: (c) =>
    `/courses/c1/readings/${c.readingId}?from=${c.selector?.position.start}&to=${c.selector?.position.end}`,
  wikiLinkUrl: (link) => (link.pageId ? `/courses/c1/wiki/${link.pageId}` : undefined),
};

const paragraphs = (...lines: JSONContent[][]): JSONContent => ({
  type: 'doc',
  content: lines.map((content) => ({ type: 'paragraph', content })),
});

describe('toMarkdown', () => {
  it('exports a note holding every node as GFM, citations as footnotes linking back to the passage', () => {
    expect(toMarkdown(syncedDocument(EVERY_NODE), links)).toBe(`# Week 2: Neighbours

We read **closely** and *slowly*, not ~~hastily~~. Run \`grep -n\`. See [the ministry](https://www.gov.kz/memleket/entities/mfa) and this trap.\\
Compare [[Multi-vector policy]].

## Arguments

- Trade routes
  - Middle Corridor
- Energy

1. Read the chapter
2. Summarise it

- [x] Pick a passage
- [ ] Draft the rebuttal

> Geography is destiny, said someone.

> balance between Moscow and Beijing[^1]

\`\`\`python
print("steppe")
\`\`\`

---

| Partner | Share \\| % |
| --- | --- |
| China | 21 |

See also [Caspian Sea](/courses/c1/wiki/page-7)

[^1]: *Multi-vector Diplomacy Revisited*: “balance between Moscow and Beijing” [Open the passage](/courses/c1/readings/${CITED.readingId}?from=1204&amp;to=1238)
`);
  });

  it('renders as the same structure a reader of the note sees', () => {
    const html = marked.parse(toMarkdown(syncedDocument(EVERY_NODE), links), { async: false, gfm: true });

    expect(html).toContain('<h1>Week 2: Neighbours</h1>');
    expect(html).toContain('<li>Trade routes<ul>\n<li>Middle Corridor</li>');
    expect(html).toMatch(/<input checked="" disabled="" type="checkbox"> ?Pick a passage/);
    expect(html).toContain('<th>Share | %</th>');
    expect(html).toContain(`href="/courses/c1/readings/${CITED.readingId}?from=1204&amp;to=1238"`);
    expect(html).toContain('<a href="/courses/c1/wiki/page-7">Caspian Sea</a>');
    expect(html).not.toContain('javascript');
  });

  it('keeps a wiki link to a page still to be written as [[title]] without a page URL', () => {
    const doc = paragraphs([{ type: 'wikiLink', attrs: { title: 'Caspian Sea', pageId: 'page-7' } }]);
    expect(toMarkdown(doc, { readingUrl: () => '/' })).toBe('[[Caspian Sea]]\n');
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
  ])('drops the link but keeps the words when its href is %j', (href) => {
    const doc = paragraphs([{ type: 'text', text: 'click me', marks: [{ type: 'link', attrs: { href } }] }]);
    const markdown = toMarkdown(doc, { readingUrl: () => '/' });
    expect(markdown).toBe('click me\n');
    expect(marked.parse(markdown, { async: false })).not.toContain('<a');
  });

  it('writes a relative href so Markdown cannot decode it into a scheme', () => {
    for (const href of ['javascript\\:alert(1)', 'javascript&colon;alert(1)']) {
      const doc = paragraphs([{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href } }] }]);
      const html = marked.parse(toMarkdown(doc, { readingUrl: () => '/' }), { async: false });
      expect(html).not.toMatch(/href="javascript:/i);
    }
  });

  it('drops a footnote link back when the reading URL it is given is unsafe', () => {
    const doc: JSONContent = {
      type: 'doc',
      content: [{ type: 'citation', attrs: CITED, content: [{ type: 'text', text: 'balance' }] }],
    };
    expect(toMarkdown(doc, { readingUrl: () => 'javascript:alert(1)' })).toBe(
      `> balance[^1]\n\n[^1]: *${CITED.readingTitle}*: “balance”\n`,
    );
  });

  it('keeps text that looks like Markdown as the words the writer typed', () => {
    const typed = ['# not a heading', '1. not a list', '- not a bullet', '*not emphasis* [not](a link) | pipe', '==='];
    const markdown = toMarkdown(paragraphs(...typed.map((text) => [{ type: 'text', text }])), {
      readingUrl: () => '/',
    });
    const html = marked.parse(markdown, { async: false, gfm: true });
    expect(html.match(/<p>/g)).toHaveLength(typed.length);
    expect(html).not.toMatch(/<(h\d|ol|ul|em|a|table)\b/);
    expect(html).toContain('*not emphasis* [not](a link) | pipe');
  });

  it('fences code holding backticks with a longer fence and keeps two adjacent bullet lists apart', () => {
    const doc: JSONContent = {
      type: 'doc',
      content: [
        { type: 'codeBlock', attrs: { language: null }, content: [{ type: 'text', text: 'a ``` b' }] },
        {
          type: 'bulletList',
          content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'one' }] }] }],
        },
        {
          type: 'taskList',
          content: [
            {
              type: 'taskItem',
              attrs: { checked: false },
              content: [{ type: 'paragraph', content: [{ type: 'text', text: 'two' }] }],
            },
          ],
        },
      ],
    };
    const html = marked.parse(toMarkdown(doc, { readingUrl: () => '/' }), { async: false, gfm: true });
    expect(html).toContain('<pre><code>a ``` b\n</code></pre>');
    expect(html.match(/<ul>/g)).toHaveLength(2);
  });

  it('writes overlapping formatting and spaces at its edges so it renders as the writer saw it', () => {
    const bold = { type: 'bold' };
    const italic = { type: 'italic' };
    const doc: JSONContent = {
      type: 'doc',
      content: [
        {
          type: 'heading',
          attrs: { level: 2 },
          content: [{ type: 'text', text: 'Line one' }, { type: 'hardBreak' }, { type: 'text', text: 'line two' }],
        },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Kazakhstan ', marks: [bold] },
            { type: 'text', text: 'balances', marks: [bold, italic] },
            { type: 'text', text: ' its neighbours,' },
            { type: 'text', text: ' lightly ', marks: [italic] },
            { type: 'text', text: 'and ' },
            { type: 'text', text: 'see', marks: [{ type: 'link', attrs: { href: 'https://example.org/a' } }] },
            { type: 'text', text: ' here', marks: [bold, { type: 'link', attrs: { href: 'https://example.org/a' } }] },
            { type: 'text', text: '.' },
          ],
        },
      ],
    };
    const html = marked.parse(toMarkdown(doc, { readingUrl: () => '/' }), { async: false, gfm: true });
    expect(html).toBe(
      '<h2>Line one line two</h2>\n' +
        '<p><strong>Kazakhstan <em>balances</em></strong> its neighbours, <em>lightly</em> and ' +
        '<a href="https://example.org/a">see <strong>here</strong></a>.</p>\n',
    );
  });

  it('gives a citation inside a table cell its footnote too, and leaves out an empty heading', () => {
    const row = (...cells: JSONContent[][]): JSONContent => ({
      type: 'tableRow',
      content: cells.map((content) => ({ type: 'tableCell', content })),
    });
    const doc: JSONContent = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 } },
        {
          type: 'table',
          content: [
            row(
              [{ type: 'paragraph', content: [{ type: 'text', text: 'Claim' }] }],
              [{ type: 'paragraph', content: [{ type: 'text', text: 'Evidence' }] }],
            ),
            row(
              [{ type: 'paragraph', content: [{ type: 'text', text: 'Balance' }] }],
              [{ type: 'citation', attrs: CITED, content: [{ type: 'text', text: 'between Moscow and Beijing' }] }],
            ),
          ],
        },
      ],
    };
    expect(toMarkdown(doc, { readingUrl: () => '/r' })).toBe(
      '| Claim | Evidence |\n| --- | --- |\n| Balance | “between Moscow and Beijing”[^1] |\n\n' +
        `[^1]: *${CITED.readingTitle}*: “between Moscow and Beijing” [Open the passage](/r)\n`,
    );
  });
});
