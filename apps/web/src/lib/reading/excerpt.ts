import { linkRuns } from './links';

/** The importer's code for a source that says the rest of the text is elsewhere. */
const EXCERPT_ONLY = 'EXCERPT_ONLY';

/**
 * Whether the importer found the source to be only an excerpt, and where the full text is when
 * the source said so (the importer names the address in that warning's message).
 */
export function excerptOf(
  warnings: ReadonlyArray<{ code: string; message: string }>,
): { source: string | null } | null {
  const warning = warnings.find((w) => w.code === EXCERPT_ONLY);
  if (!warning) return null;
  const link = linkRuns(warning.message).find((run) => run.kind === 'link');
  return { source: link?.kind === 'link' ? link.href : null };
}
