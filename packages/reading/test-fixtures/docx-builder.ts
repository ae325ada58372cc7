import {
  AlignmentType,
  Document,
  EndnoteReferenceRun,
  FootnoteReferenceRun,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  Paragraph,
  TextRun,
} from 'docx';

/** Word documents built with `docx`, the way Word writes them: styles, real footnotes and endnotes. */

export const SALT = {
  title: 'Salt Roads of the Lowlands',
  subtitle: 'Trade, Tolls and Floods, 1650–1850',
  author: 'Mara Ellison',
  routes: 'Salt reached inland markets along a handful of raised tracks that stayed dry through the winter floods.',
  routesAfterNote: ' Carters paid tolls at every bridge, and the tolls were recorded with great care.',
  ferry: 'The ferry at the estuary carried more salt than all the bridges together in a good year.',
  quote: 'No road in the parish is fit for a loaded cart between Martinmas and Lady Day.',
  bullets: ['Bridges charged by the cart.', 'Ferries charged by the sack.'],
  steps: ['Weigh the load at the bridge.', 'Pay the toll keeper.', 'Take the receipt to the market.'],
  caption: 'Figure 1. The toll bridge at the river mouth.',
  decline: 'Canals made the tracks obsolete within a generation, and most of them are now field boundaries.',
  footnotes: {
    1: 'Parish accounts, 1702–1719.',
    2: 'Toll register of the river crossing.',
  },
  endnote: 'Canal company minute books, volume three.',
};

// A valid 1×1 PNG: mammoth and Word only need the picture to exist.
const PIXEL = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** Title and Subtitle styles, three heading levels, a quote, two kinds of list, a picture with its caption, notes. */
export async function docxWithFootnotes(opts: { picture?: Uint8Array } = {}): Promise<Uint8Array> {
  const doc = new Document({
    creator: SALT.author,
    title: SALT.title,
    // Word defines these built-in styles in every document that uses them.
    styles: {
      paragraphStyles: [
        { id: 'Subtitle', name: 'Subtitle', basedOn: 'Normal', run: { italics: true, size: 28 } },
        { id: 'Quote', name: 'Quote', basedOn: 'Normal', run: { italics: true } },
      ],
    },
    numbering: {
      config: [
        {
          reference: 'steps',
          levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START }],
        },
      ],
    },
    footnotes: {
      1: { children: [new Paragraph(SALT.footnotes[1])] },
      2: { children: [new Paragraph(SALT.footnotes[2])] },
    },
    endnotes: {
      1: { children: [new Paragraph(SALT.endnote)] },
    },
    sections: [
      {
        children: [
          new Paragraph({ text: SALT.title, heading: HeadingLevel.TITLE }),
          new Paragraph({ children: [new TextRun(SALT.subtitle)], style: 'Subtitle' }),
          new Paragraph({ text: 'Routes', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({
            children: [new TextRun(SALT.routes), new FootnoteReferenceRun(1), new TextRun(SALT.routesAfterNote)],
          }),
          new Paragraph({ text: 'River crossings', heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ children: [new TextRun(SALT.ferry), new FootnoteReferenceRun(2)] }),
          new Paragraph({ children: [new TextRun(SALT.quote)], style: 'Quote' }),
          new Paragraph({ text: 'Tolls', heading: HeadingLevel.HEADING_3 }),
          ...SALT.bullets.map((text) => new Paragraph({ text, bullet: { level: 0 } })),
          ...SALT.steps.map((text) => new Paragraph({ text, numbering: { reference: 'steps', level: 0 } })),
          new Paragraph({
            children: [
              new ImageRun({
                type: 'png',
                data: opts.picture ?? PIXEL,
                transformation: { width: 200, height: 100 },
                altText: { title: 'Bridge', description: 'The toll bridge', name: 'bridge' },
              }),
            ],
          }),
          new Paragraph({ children: [new TextRun(SALT.caption)], style: 'Caption' }),
          new Paragraph({ text: 'Decline', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ children: [new TextRun(SALT.decline), new EndnoteReferenceRun(1)] }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** The same document carrying a picture of `bytes` size that does not compress, as photographs do not. */
export async function docxWithLargePicture(bytes: number): Promise<Uint8Array> {
  const picture = new Uint8Array(bytes);
  let seed = 7;
  for (let i = 0; i < bytes; i++) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    picture[i] = seed >>> 24;
  }
  picture.set(PIXEL.subarray(0, 16));
  return docxWithFootnotes({ picture });
}

/**
 * A document typed without Word's Title style, its headline in bold, whose title property holds
 * what the authoring tool put there (`title`).
 */
export async function docxWithTitleProperty(title: string): Promise<Uint8Array> {
  const doc = new Document({
    creator: SALT.author,
    title,
    sections: [
      {
        children: [
          new Paragraph({ children: [new TextRun({ text: SALT.title, bold: true, size: 36 })] }),
          new Paragraph({ children: [new TextRun(`By ${SALT.author}`)] }),
          new Paragraph({ children: [new TextRun(`${SALT.routes}${SALT.routesAfterNote}`)] }),
          new Paragraph({ children: [new TextRun(SALT.decline)] }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
