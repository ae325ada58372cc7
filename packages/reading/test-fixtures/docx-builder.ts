import { Document, FootnoteReferenceRun, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';

/** A Word document with a title, headings at two levels and real footnotes, built with `docx`. */
export async function docxWithFootnotes(): Promise<Uint8Array> {
  const doc = new Document({
    creator: 'Mara Ellison',
    title: 'Salt Roads of the Lowlands',
    footnotes: {
      1: { children: [new Paragraph('Parish accounts, 1702–1719.')] },
      2: { children: [new Paragraph('Toll register of the river crossing.')] },
    },
    sections: [
      {
        children: [
          new Paragraph({ text: 'Salt Roads of the Lowlands', heading: HeadingLevel.TITLE }),
          new Paragraph({ text: 'Routes', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({
            children: [
              new TextRun(
                'Salt reached inland markets along a handful of raised tracks that stayed dry through the winter floods.',
              ),
              new FootnoteReferenceRun(1),
              new TextRun(' Carters paid tolls at every bridge, and the tolls were recorded with great care.'),
            ],
          }),
          new Paragraph({ text: 'River crossings', heading: HeadingLevel.HEADING_2 }),
          new Paragraph({
            children: [
              new TextRun('The ferry at the estuary carried more salt than all the bridges together in a good year.'),
              new FootnoteReferenceRun(2),
            ],
          }),
          new Paragraph({ text: 'Decline', heading: HeadingLevel.HEADING_1 }),
          new Paragraph(
            'Canals made the tracks obsolete within a generation, and most of them are now field boundaries.',
          ),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
