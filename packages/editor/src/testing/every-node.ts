import type { JSONContent } from '@tiptap/core';
import * as Y from 'yjs';
import type { CitationAttrs } from '../selectors.js';
import { writeDocument } from '../ydoc.js';

export const CITED: CitationAttrs = {
  readingId: '5f0c1a52-7d1e-4c1e-9a57-0c3f4b8e2d11',
  readingVersion: 3,
  readingTitle: 'Multi-vector Diplomacy Revisited',
  selector: {
    quote: {
      type: 'TextQuoteSelector',
      exact: 'balance between Moscow and Beijing',
      prefix: 'a careful ',
      suffix: ', while',
    },
    position: { type: 'TextPositionSelector', start: 1204, end: 1238 },
  },
};

const text = (value: string, marks?: JSONContent['marks']): JSONContent => ({ type: 'text', text: value, marks });
const paragraph = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });
const cell = (type: 'tableHeader' | 'tableCell', value: string): JSONContent => ({
  type,
  content: [paragraph(text(value))],
});

/** A note using every node and mark the editor offers, as a writer would build it. */
export const EVERY_NODE: JSONContent = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 1 }, content: [text('Week 2: Neighbours')] },
    paragraph(
      text('We read '),
      text('closely', [{ type: 'bold' }]),
      text(' and '),
      text('slowly', [{ type: 'italic' }]),
      text(', not '),
      text('hastily', [{ type: 'strike' }]),
      text('. Run '),
      text('grep -n', [{ type: 'code' }]),
      text('. See '),
      text('the ministry', [{ type: 'link', attrs: { href: 'https://www.gov.kz/memleket/entities/mfa' } }]),
      text(' and '),
      text('this trap', [{ type: 'link', attrs: { href: 'javascript:alert(document.cookie)' } }]),
      text('.'),
      { type: 'hardBreak' },
      text('Compare '),
      { type: 'wikiLink', attrs: { title: 'Multi-vector policy', pageId: null } },
      text('.'),
    ),
    { type: 'heading', attrs: { level: 2 }, content: [text('Arguments')] },
    {
      type: 'bulletList',
      content: [
        {
          type: 'listItem',
          content: [
            paragraph(text('Trade routes')),
            { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph(text('Middle Corridor'))] }] },
          ],
        },
        { type: 'listItem', content: [paragraph(text('Energy'))] },
      ],
    },
    {
      type: 'orderedList',
      attrs: { start: 1 },
      content: [
        { type: 'listItem', content: [paragraph(text('Read the chapter'))] },
        { type: 'listItem', content: [paragraph(text('Summarise it'))] },
      ],
    },
    {
      type: 'taskList',
      content: [
        { type: 'taskItem', attrs: { checked: true }, content: [paragraph(text('Pick a passage'))] },
        { type: 'taskItem', attrs: { checked: false }, content: [paragraph(text('Draft the rebuttal'))] },
      ],
    },
    { type: 'blockquote', content: [paragraph(text('Geography is destiny, said someone.'))] },
    { type: 'citation', attrs: CITED, content: [text('balance between Moscow and Beijing')] },
    { type: 'codeBlock', attrs: { language: 'python' }, content: [text('print("steppe")')] },
    { type: 'horizontalRule' },
    {
      type: 'table',
      content: [
        { type: 'tableRow', content: [cell('tableHeader', 'Partner'), cell('tableHeader', 'Share | %')] },
        { type: 'tableRow', content: [cell('tableCell', 'China'), cell('tableCell', '21')] },
      ],
    },
    paragraph(text('See also '), { type: 'wikiLink', attrs: { title: 'Caspian Sea', pageId: 'page-7' } }),
  ],
};

/**
 * The Y.Doc a server holds after a client wrote the JSON: written through y-prosemirror into one
 * Y.Doc, then sent as a Yjs update to another, as over the wire.
 */
export function syncedDocument(json: JSONContent): Y.Doc {
  const client = new Y.Doc();
  writeDocument(client, json);
  const server = new Y.Doc();
  Y.applyUpdate(server, Y.encodeStateAsUpdate(client));
  client.destroy();
  return server;
}
