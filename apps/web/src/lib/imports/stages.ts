// The importer's stage names (IMPORT_STAGES in packages/reading/src/stages.ts), and the API queue's `queued`.
const STAGES: Record<string, string> = {
  queued: 'Waiting to start',
  started: 'Starting',
  detect: 'Recognising the file type',
  read: 'Reading the file',
  clean: 'Removing page numbers, headers and site chrome',
  contents: 'Reading the table of contents',
  notes: 'Linking notes to their markers',
  metadata: 'Finding the title, authors and date',
  headings: 'Finding the headings',
  paragraphs: 'Rejoining paragraphs cut by page breaks',
  links: 'Checking the structure',
  done: 'Finishing',
};

/** What the importer is doing, in words; a stage this list does not know is shown as it comes. */
export const stageLabel = (stage: string) => STAGES[stage] ?? stage.charAt(0).toUpperCase() + stage.slice(1);
