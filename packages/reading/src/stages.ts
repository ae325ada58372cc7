/**
 * The stages `importReading` reports through `onProgress`, in order. Importable on its own
 * (`@commonplace/reading/stages`, no dependencies) so that a web page can word them.
 * - detect: the format is sniffed from the content
 * - read: the file is parsed (a PDF reports once per page); every refusal of a bad file happens
 *   here or before
 * - clean … links: the structure passes
 * - done: the reading is ready
 */
export const IMPORT_STAGES = [
  'detect',
  'read',
  'clean',
  'contents',
  'notes',
  'metadata',
  'headings',
  'paragraphs',
  'links',
  'done',
] as const;

export type ImportStage = (typeof IMPORT_STAGES)[number];

/** The structure passes, which run after the source has been read. */
export const STRUCTURE_STAGES = IMPORT_STAGES.slice(2, -1) as ReadonlyArray<
  Exclude<ImportStage, 'detect' | 'read' | 'done'>
>;
