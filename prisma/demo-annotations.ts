// The demo course's discussion of the first week's readings: threads, replies, tags, an @mention,
// group and course visibility, an endorsement and a pin, so that the margin, the hotspots, the
// participation page and the bell have something to show. Each thread is anchored on words of the
// reading's canonical text with the anchoring package's own selectors, as the reader makes them.
import { describe } from '@commonplace/anchoring';
import type { PrismaClient } from '@commonplace/db';

type Person = 'dana' | 'arman' | 'aigerim' | 'nurlan' | 'saule' | 'timur' | 'madina' | 'yerlan';

interface DemoReply {
  by: Person;
  /** Markdown; `{@name}` becomes a mention of that person. */
  body: string;
  at: string;
  replies?: DemoReply[];
}

interface DemoThread extends DemoReply {
  /** Words of the reading, found in its canonical text (their first occurrence). */
  words: string;
  visibility: 'PRIVATE' | 'GROUP' | 'COURSE';
  tags?: string[];
  pinned?: boolean;
  /** Endorsed by the instructor. */
  endorsed?: boolean;
}

/** The first week's readings, by the file they were imported from, with what the class wrote on them. */
export const DEMO_ANNOTATIONS: Record<string, DemoThread[]> = {
  '000_a07042477a832751.txt': [
    {
      by: 'dana',
      words: 'The doctrine or principles of the multi-vector policy',
      visibility: 'COURSE',
      tags: ['key point'],
      pinned: true,
      body: 'Start here. List the principles this paragraph names; on Thursday we test each one against what Kazakhstan did in 2022.',
      at: '2027-02-01T09:00:00Z',
    },
    {
      by: 'aigerim',
      words:
        'close relations with them must be balanced with friendly relations with everyone else so that no single power can exercise excessive leverage',
      visibility: 'COURSE',
      tags: ['key point'],
      endorsed: true,
      body: 'The clearest definition of **multi-vector** in the piece: balance, not neutrality. Compare how Jones puts it in the second reading.',
      at: '2027-02-01T14:20:00Z',
      replies: [
        {
          by: 'timur',
          body: 'Agreed, though "no single power" sounds aimed at China as much as Russia.',
          at: '2027-02-02T08:45:00Z',
        },
      ],
    },
    {
      by: 'nurlan',
      words: 'put down a January 2022 coup',
      visibility: 'GROUP',
      tags: ['confusing', 'question'],
      body: 'Why would Tokayev defy Moscow only weeks after asking for CSTO troops? This feels contradictory.',
      at: '2027-02-01T19:05:00Z',
      replies: [
        {
          by: 'saule',
          body: '{@aigerim} you said something about this in the seminar: was it that the troops left quickly on purpose?',
          at: '2027-02-02T10:30:00Z',
          replies: [
            {
              by: 'aigerim',
              body: 'Yes: they were gone within two weeks, so he owed Moscow less than it looked. The author calls it astonishing, I am not so sure.',
              at: '2027-02-02T12:10:00Z',
            },
          ],
        },
      ],
    },
    {
      by: 'madina',
      words: 'covet seizing northern Kazakhstan',
      visibility: 'COURSE',
      tags: ['confusing'],
      body: 'Is this the view of officials or of fringe nationalists? The footnote does not say.',
      at: '2027-02-02T09:15:00Z',
      replies: [
        {
          by: 'arman',
          body: 'Both have said it at times. Look at who is quoted in note v, then at what the Kremlin said officially.',
          at: '2027-02-02T16:00:00Z',
        },
      ],
    },
    {
      by: 'timur',
      words: 'increase cargo traffic through the Caspian Sea to Baku in Azerbaijan',
      visibility: 'GROUP',
      tags: ['key point'],
      body: 'The Middle Corridor again, before it had the name. Week 3 will come back to this.',
      at: '2027-02-02T11:40:00Z',
      replies: [
        { by: 'yerlan', body: 'And it is still far slower than the route through Russia.', at: '2027-02-02T13:00:00Z' },
      ],
    },
    {
      by: 'yerlan',
      words: 'offered itself as a mediator or center for mediation of international conflicts',
      visibility: 'PRIVATE',
      body: '',
      at: '2027-02-03T07:50:00Z',
    },
  ],
  '001_76be1b6e80824a5e.txt': [
    {
      by: 'saule',
      words: 'Russia is an unreliable and potentially dangerous economic partner',
      visibility: 'COURSE',
      tags: ['key point'],
      body: 'The thesis of the whole article, in one line.',
      at: '2027-02-03T09:30:00Z',
    },
    {
      by: 'timur',
      words: 'About 80 percent of its oil and gas is exported through Russia via the CPC.',
      visibility: 'COURSE',
      tags: ['question'],
      body: 'How much has this share changed since 2022? Are there newer figures?',
      at: '2027-02-03T10:05:00Z',
      replies: [
        {
          by: 'aigerim',
          body: 'Hardly at all, as far as I can find: the alternatives across the Caspian carry a few percent.',
          at: '2027-02-03T12:40:00Z',
        },
      ],
    },
    {
      by: 'aigerim',
      words: 'from ensuring collective defense against external aggression to preventing domestic uprisings',
      visibility: 'COURSE',
      tags: ['confusing', 'disagree'],
      body: '"Devolved" is a loaded word. Was the CSTO ever about external defence in practice?',
      at: '2027-02-03T13:15:00Z',
      replies: [
        {
          by: 'madina',
          body: 'Fair, but January 2022 was the first time it actually deployed, so something did change.',
          at: '2027-02-03T15:20:00Z',
        },
      ],
    },
    {
      by: 'madina',
      words: 'a commitment to promoting civic (rather than ethnic) nationalism',
      visibility: 'GROUP',
      tags: ['confusing'],
      body: 'What does civic nationalism mean in practice here: language policy, citizenship, something else?',
      at: '2027-02-03T16:45:00Z',
      replies: [
        {
          by: 'yerlan',
          body: 'Mostly that being Kazakhstani is not tied to being ethnically Kazakh, at least officially.',
          at: '2027-02-03T18:10:00Z',
        },
      ],
    },
  ],
};

const MENTION = /\{@(\w+)\}/g;
const HOUR_MS = 60 * 60 * 1000;

/**
 * How far to move the discussion's times back so that its last word was written an hour before
 * `now`: the course's first week may still be ahead of the day the demo is seeded, and a comment
 * dated "next month" reads as a fault. Their spacing and order are kept; nothing moves forward.
 */
function shiftIntoThePast(now: number): number {
  const times: number[] = [];
  const collect = (note: DemoReply) => {
    times.push(Date.parse(note.at));
    note.replies?.forEach(collect);
  };
  Object.values(DEMO_ANNOTATIONS).flat().forEach(collect);
  return Math.min(0, now - HOUR_MS - Math.max(...times));
}

/** A notification as the annotations API writes it: a reply, a mention or an endorsement. */
interface Notice {
  userId: string;
  courseId: string;
  kind: 'REPLY' | 'MENTION' | 'ENDORSEMENT';
  annotationId: string;
  actorId: string;
  createdAt: Date;
}

/**
 * Writes the annotations of each first-week reading that was imported and has none yet (so a
 * second run adds nothing, and a reading the class already annotated is left alone). A thread
 * whose words are not in the reading's text is left out with its replies, never put elsewhere.
 * Returns how many annotations and replies were written.
 */
export async function seedDemoAnnotations(prisma: PrismaClient, courseId: string): Promise<number> {
  const enrolled = await prisma.enrollment.findMany({
    where: { courseId },
    select: { userId: true, user: { select: { email: true, name: true } } },
  });
  const people = new Map(enrolled.map((e) => [e.user.email.split(/[.@]/)[0]!, { id: e.userId, name: e.user.name }]));
  const groupOf = new Map(
    (await prisma.groupMember.findMany({ where: { courseId } })).map((m) => [m.userId, m.groupId] as const),
  );
  const instructor = people.get('dana');
  const shift = shiftIntoThePast(Date.now());
  let written = 0;
  for (const [filename, threads] of Object.entries(DEMO_ANNOTATIONS)) {
    const version = await prisma.readingVersion.findFirst({
      where: { reading: { courseId }, file: { filename } },
      orderBy: { version: 'asc' },
      select: { reading: { select: { id: true, version: true, canonicalText: true } } },
    });
    if (!version || !instructor || !threads.every((t) => people.has(t.by))) continue;
    const reading = version.reading;
    if (await prisma.annotation.count({ where: { readingId: reading.id } })) continue;
    written += await prisma.$transaction(async (tx) => {
      let count = 0;
      for (const thread of threads) {
        const start = reading.canonicalText.indexOf(thread.words);
        if (start < 0) continue;
        const passage = describe(reading.canonicalText, start, start + thread.words.length);
        const author = people.get(thread.by)!;
        const groupId = thread.visibility === 'GROUP' ? (groupOf.get(author.id) ?? null) : null;
        const notices: Notice[] = [];
        const write = async (
          note: DemoReply,
          parent: { id: string; authorId: string } | null,
          rootId: string | null,
        ): Promise<void> => {
          const writer = people.get(note.by)!;
          const mentioned = [...note.body.matchAll(MENTION)].map((m) => people.get(m[1]!)).filter((p) => !!p);
          const body = note.body.replace(MENTION, (whole, key: string) => {
            const person = people.get(key);
            return person ? `@[${person.name}](user:${person.id})` : whole;
          });
          const at = new Date(Date.parse(note.at) + shift);
          const top = parent ? null : (note as DemoThread);
          const created = await tx.annotation.create({
            data: {
              courseId,
              readingId: reading.id,
              authorId: writer.id,
              parentId: parent?.id ?? null,
              rootId,
              visibility: thread.visibility,
              groupId,
              body,
              tags: top?.tags ?? [],
              ...(top
                ? {
                    selector: [passage.quote, passage.position],
                    quote: passage.quote.exact,
                    start: passage.position.start,
                    end: passage.position.end,
                  }
                : {}),
              readingVersion: reading.version,
              pinnedAt: top?.pinned ? at : null,
              endorsedAt: top?.endorsed ? at : null,
              endorsedById: top?.endorsed ? instructor.id : null,
              createdAt: at,
              updatedAt: at,
            },
          });
          count++;
          if (mentioned.length)
            await tx.annotationMention.createMany({
              data: mentioned.map((p) => ({ annotationId: created.id, userId: p.id })),
            });
          const notify = (userId: string, kind: Notice['kind'], actorId: string) => {
            if (userId !== actorId)
              notices.push({ userId, kind, actorId, courseId, annotationId: created.id, createdAt: at });
          };
          if (parent) notify(parent.authorId, 'REPLY', writer.id);
          for (const p of mentioned) if (p.id !== parent?.authorId) notify(p.id, 'MENTION', writer.id);
          if (top?.endorsed) notify(writer.id, 'ENDORSEMENT', instructor.id);
          for (const reply of note.replies ?? [])
            await write(reply, { id: created.id, authorId: writer.id }, rootId ?? created.id);
        };
        await write(thread, null, null);
        // Each recipient is in the thread's audience (a group thread's replies and mentions stay in
        // the group), so every notification opens on something they may see.
        if (notices.length) await tx.notification.createMany({ data: notices });
      }
      return count;
    });
  }
  return written;
}
