// The demo course's study notes and wiki: each group's note on the first reading, grown from the
// reading's outline by several of its members in turn, and a small wiki tree whose pages link to
// each other (and to one page nobody has written yet). Citations quote the readings' own words with
// the anchoring package's selectors, as "Quote in note" does, so that they open on their passage.
import { describe } from '@commonplace/anchoring';
import type { PrismaClient } from '@commonplace/db';
import { deriveDocument, editDocument, outlineDocument, type CitationAttrs } from '@commonplace/editor';
import * as Y from 'yjs';
import { derivedFieldsStatement } from '../apps/api/src/collab/derived-fields.js';
import { headingsOf } from '../apps/api/src/notes/note-outline.js';
import { freeSlugOf } from '../apps/api/src/wiki/slug.js';

type JSONContent = Parameters<typeof editDocument>[1];
type ReadingDocument = Parameters<typeof headingsOf>[0];
type Person = 'dana' | 'aigerim' | 'nurlan' | 'saule' | 'timur' | 'madina';

/** Words of a reading, by the file it was imported from; found in its canonical text (first occurrence). */
interface Quote {
  file: string;
  words: string;
}

type Block = JSONContent | Quote;

const LEAD = '000_a07042477a832751.txt';
const MIKOVIC = '002_be90b90c6c71839b.txt';

const text = (words: string): JSONContent => ({ type: 'text', text: words });
const bold = (words: string): JSONContent => ({ type: 'text', text: words, marks: [{ type: 'bold' }] });
const link = (title: string): JSONContent => ({ type: 'wikiLink', attrs: { title } });
const p = (...parts: Array<string | JSONContent>): JSONContent => ({
  type: 'paragraph',
  content: parts.map((part) => (typeof part === 'string' ? text(part) : part)),
});
const heading = (level: number, words: string): JSONContent => ({
  type: 'heading',
  attrs: { level },
  content: [text(words)],
});
const bullets = (...items: JSONContent[]): JSONContent => ({
  type: 'bulletList',
  content: items.map((item) => ({ type: 'listItem', content: [item] })),
});
const tasks = (...items: Array<[boolean, string]>): JSONContent => ({
  type: 'taskList',
  content: items.map(([checked, words]) => ({ type: 'taskItem', attrs: { checked }, content: [p(words)] })),
});

/** One writer's turn: the blocks they add under the outline's headings (by its text), after what is there. */
interface NoteTurn {
  by: Person;
  under: Record<string, Block[]>;
}

interface DemoNote {
  group: 'Steppe' | 'Caspian';
  title: string;
  reading: string;
  /** Who starts it (from the reading's outline), then who writes in it, in turn. */
  startedBy: Person;
  turns: NoteTurn[];
  /** What staff said about it, under the note. */
  comments?: Array<{ by: Person; body: string }>;
}

/** A wiki page as its writers left it: each turn adds its blocks at the end. */
interface DemoPage {
  title: string;
  parent?: string;
  locked?: boolean;
  turns: Array<{ by: Person; adds: Block[] }>;
}

export const DEMO_NOTES: DemoNote[] = [
  {
    group: 'Steppe',
    title: 'Independent foreign policy: our notes',
    reading: LEAD,
    startedBy: 'aigerim',
    turns: [
      {
        by: 'nurlan',
        under: {
          Introduction: [
            p(
              bold('Claim: '),
              'the war pushed Kazakhstan towards real independence, and Russia answered with pressure on energy that has not worked so far.',
            ),
            {
              file: LEAD,
              words:
                'close relations with them must be balanced with friendly relations with everyone else so that no single power can exercise excessive leverage',
            },
            p('Our working definition of ', link('Multi-vector foreign policy'), ': balance, not neutrality.'),
          ],
        },
      },
      {
        by: 'saule',
        under: {
          'Lessons learned': [
            tasks(
              [true, 'Compare with how Jones defines it in the second reading'],
              [false, 'Find the energy reprisals the author means (the CPC pipeline?)'],
            ),
          ],
          Conclusions: [
            p(
              'For Thursday: is this independence, or balancing with new dependencies (China, see ',
              link('Middle Corridor'),
              ')?',
            ),
          ],
        },
      },
    ],
    comments: [
      {
        by: 'dana',
        body: 'A good start. Under "Recent initiatives", name two of them and quote where the author says what Moscow did in reply.',
      },
    ],
  },
  {
    group: 'Caspian',
    title: 'Week 1: what changed in 2022',
    reading: LEAD,
    startedBy: 'timur',
    turns: [
      {
        by: 'madina',
        under: {
          Introduction: [
            { file: LEAD, words: 'put down a January 2022 coup' },
            p('The puzzle of the piece: Tokayev asked Moscow for troops in January, then defied it over Ukraine.'),
          ],
        },
      },
    ],
  },
];

export const DEMO_WIKI: DemoPage[] = [
  {
    title: 'Start here',
    locked: true,
    turns: [
      {
        by: 'dana',
        adds: [
          p(
            'One page per idea, written by all of us. Link a page by typing its title in double brackets, as in ',
            link('Key terms'),
            '; a link to a page nobody has written yet creates it when you follow it.',
          ),
          p('Quote the readings with "Quote in note" in the reader, so every claim can be checked against its source.'),
        ],
      },
    ],
  },
  {
    title: 'Key terms',
    turns: [
      {
        by: 'aigerim',
        adds: [
          p('The terms we keep meeting in the readings:'),
          bullets(p(link('Multi-vector foreign policy')), p(link('Middle Corridor')), p(link('CSTO'))),
        ],
      },
    ],
  },
  {
    title: 'Multi-vector foreign policy',
    parent: 'Key terms',
    turns: [
      {
        by: 'aigerim',
        adds: [
          p('Kazakhstan keeps friendly relations with every major power so that none can dominate it.'),
          {
            file: LEAD,
            words:
              'They comprise a balanced orientation towards all the major powers and an equally principled aversion towards excessive dependence in any field upon any one of them',
          },
        ],
      },
      {
        by: 'timur',
        adds: [
          heading(2, 'Since 2022'),
          p('Trade routes that avoid Russia are the policy in practice: see ', link('Middle Corridor'), '.'),
        ],
      },
    ],
  },
  {
    title: 'Middle Corridor',
    parent: 'Key terms',
    turns: [
      {
        by: 'madina',
        adds: [
          p(
            'The Trans-Caspian International Transport Route: by rail to the Caspian, by ship to Baku, then on through Georgia to Turkey and Europe, around Russia.',
          ),
          {
            file: MIKOVIC,
            words:
              'The country reportedly plans to start using the Trans-Caspian International Transport Route to deliver goods via the Caspian Sea to Baku, Azerbaijan, Georgia, and Turkey',
          },
          p('Part of the ', link('Multi-vector foreign policy'), '.'),
        ],
      },
    ],
  },
];

interface CourseReading {
  id: string;
  version: number;
  title: string;
  canonicalText: string;
  document: ReadingDocument;
}

/** A citation block of the quoted words, as "Quote in note" makes it; null when the words are not in the reading. */
function citationBlock(reading: CourseReading | undefined, words: string): JSONContent | null {
  const start = reading?.canonicalText.indexOf(words) ?? -1;
  if (!reading || start < 0) return null;
  const selector = describe(reading.canonicalText, start, start + words.length);
  const attrs: CitationAttrs = {
    readingId: reading.id,
    readingVersion: reading.version,
    readingTitle: reading.title,
    selector,
  };
  return { type: 'citation', attrs, content: [text(selector.quote.exact.replace(/\s+/g, ' '))] };
}

/** The updates of a document written in turns (each turn the whole content after it), and what it derives. */
function writtenInTurns(turns: Array<{ userId: string; content: JSONContent }>) {
  const doc = new Y.Doc();
  try {
    const updates = turns.map(({ userId, content }) => {
      const before = Y.encodeStateVector(doc);
      editDocument(doc, content);
      return { userId, update: new Uint8Array(Y.encodeStateAsUpdate(doc, before)) };
    });
    return { updates, derived: deriveDocument(doc) };
  } finally {
    doc.destroy();
  }
}

/** Each turn's writer and the content after it, each turn adding its blocks to what the turns before wrote. */
function cumulative<T extends { by: Person }>(turns: T[], contentAfter: (turnsSoFar: T[]) => JSONContent) {
  return turns.map((turn, i) => ({ by: turn.by, content: contentAfter(turns.slice(0, i + 1)) }));
}

/**
 * Writes the demo notes into a course that has no notes, and the wiki into one that has no wiki
 * pages (deleted ones count), so a second run adds nothing and nothing the class removed comes
 * back; a note whose reading is not there yet is written at a later run that finds it. Each turn is
 * one stored update by its writer, so the history panel says who wrote what. A citation whose words
 * are not in its reading is left out, and so is a document one of whose writers has left the course.
 * Returns how many documents were written.
 */
export async function seedDemoDocuments(prisma: PrismaClient, courseId: string): Promise<number> {
  const [notes, pages] = await Promise.all(
    (['NOTE', 'WIKI'] as const).map((kind) => prisma.document.count({ where: { courseId, kind } })),
  );
  if (notes && pages) return 0;
  const enrolled = await prisma.enrollment.findMany({
    where: { courseId },
    select: { userId: true, user: { select: { email: true } } },
  });
  const people = new Map(enrolled.map((e) => [e.user.email.split(/[.@]/)[0]!, e.userId]));
  const groups = new Map(
    (await prisma.group.findMany({ where: { courseId }, select: { id: true, name: true } })).map((g) => [g.name, g.id]),
  );
  const readings = new Map<string, CourseReading>();
  for (const file of [LEAD, MIKOVIC]) {
    const found = await prisma.readingVersion.findFirst({
      where: { reading: { courseId }, file: { filename: file } },
      orderBy: { version: 'asc' },
      select: { reading: { select: { id: true, version: true, title: true, canonicalText: true, document: true } } },
    });
    if (found) readings.set(file, { ...found.reading, document: found.reading.document as ReadingDocument });
  }
  const resolve = (blocks: Block[]): JSONContent[] =>
    blocks.flatMap((block) => {
      if (!('file' in block)) return [block];
      const citation = citationBlock(readings.get(block.file), block.words);
      return citation ? [citation] : [];
    });
  // What someone who has left the course would have written is left out, rather than fail the start.
  const enrolledAll = (persons: Person[]) => persons.every((person) => people.has(person));
  const userOf = (person: Person) => people.get(person)!;

  return prisma.$transaction(async (tx) => {
    let written = 0;
    const store = async (documentId: string, turns: Array<{ by: Person; content: JSONContent }>) => {
      const { updates, derived } = writtenInTurns(turns.map(({ by, content }) => ({ userId: userOf(by), content })));
      await tx.documentUpdate.createMany({ data: updates.map((update) => ({ documentId, ...update })) });
      await tx.$executeRaw(derivedFieldsStatement(documentId, derived));
      written++;
    };

    for (const note of notes ? [] : DEMO_NOTES) {
      const reading = readings.get(note.reading);
      const groupId = groups.get(note.group);
      const writers = [note.startedBy, ...note.turns.map((turn) => turn.by), ...(note.comments ?? []).map((c) => c.by)];
      if (!reading || !groupId || !enrolledAll(writers)) continue;
      const outline = outlineDocument(headingsOf(reading.document)).json.content ?? [];
      // The outline's headings, each followed by what the turns so far wrote under it (or its empty paragraph).
      const filled = (turns: NoteTurn[]): JSONContent => ({
        type: 'doc',
        content: outline.flatMap((block, i) => {
          if (block.type !== 'heading') return [];
          const under = resolve(turns.flatMap((turn) => turn.under[block.content?.[0]?.text ?? ''] ?? []));
          return [block, ...(under.length ? under : [outline[i + 1]!])];
        }),
      });
      const { id } = await tx.document.create({
        data: {
          courseId,
          kind: 'NOTE',
          scope: 'GROUP',
          groupId,
          ownerId: userOf(note.startedBy),
          readingId: reading.id,
          title: note.title,
        },
      });
      const turns: NoteTurn[] = [{ by: note.startedBy, under: {} }, ...note.turns];
      await store(id, cumulative(turns, filled));
      await tx.documentComment.createMany({
        data: (note.comments ?? []).map((comment) => ({
          documentId: id,
          authorId: userOf(comment.by),
          body: comment.body,
        })),
      });
    }

    const ids = new Map<string, string>();
    const slugs = new Set<string>();
    const positions = new Map<string | null, number>();
    for (const page of pages ? [] : DEMO_WIKI) {
      if (!enrolledAll(page.turns.map((turn) => turn.by))) continue;
      const parentId = page.parent ? (ids.get(page.parent) ?? null) : null;
      const position = positions.get(parentId) ?? 0;
      positions.set(parentId, position + 1);
      const slug = freeSlugOf(page.title, slugs);
      slugs.add(slug);
      const { id } = await tx.document.create({
        data: {
          courseId,
          kind: 'WIKI',
          scope: 'COURSE',
          title: page.title,
          slug,
          parentId,
          position,
          locked: page.locked ?? false,
        },
      });
      ids.set(page.title, id);
      await store(
        id,
        cumulative(page.turns, (turns) => ({ type: 'doc', content: resolve(turns.flatMap((turn) => turn.adds)) })),
      );
    }
    return written;
  });
}
