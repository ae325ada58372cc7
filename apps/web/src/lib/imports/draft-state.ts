import type { ImportDraftSummary } from '@commonplace/contracts';

/** Where a draft stands, in words: its place in the queue, its progress, or how it ended. */
export function draftState(draft: Pick<ImportDraftSummary, 'status' | 'progress' | 'queuePosition'>): string {
  if (draft.status === 'READY') return 'Ready to review';
  if (draft.status === 'FAILED') return 'Failed';
  if (draft.status === 'SAVED') return 'Saved';
  return draft.queuePosition === null
    ? `Importing, ${Math.round(draft.progress * 100)}%`
    : queuePlace(draft.queuePosition);
}

/** "Yours is next", or "2 imports ahead of yours". */
export function queuePlace(ahead: number): string {
  if (ahead === 0) return 'Waiting for a free worker: yours is next';
  return `Waiting in the queue: ${ahead} ${ahead === 1 ? 'import' : 'imports'} ahead of yours`;
}
