import { importReading } from '@commonplace/reading';
import type { ApiClient, ApiResponse } from './api-client.js';
import type { TestApi } from './test-api.js';

/** A short article of our own, in Markdown: a title, two sections, a note. */
export const ARTICLE = `# Lighthouses of the Northern Coast

## Keepers

The keepers of the northern lights kept logbooks of every storm, and the logbooks outlived the towers.[^1]

Their children learned to trim the wicks before they could read.

## Automation

Automation arrived in the 1960s, and with it the end of the keepers' long winters on the rocks.

[^1]: Harbour board archive, boxes 12 to 19.
`;

export function uploadForm(
  bytes: Uint8Array | string,
  filename: string,
  fields: Record<string, string> = {},
): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append('file', new Blob([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)]), filename);
  return form;
}

/** Polls a draft until its import ends; returns it and every progress value seen on the way. */
export async function waitForImport(client: ApiClient, courseId: string, draftId: string) {
  const seen: Array<{ status: string; progress: number }> = [];
  for (let attempt = 0; attempt < 1200; attempt++) {
    const draft = await client.call('getImport', { courseId, draftId });
    seen.push({ status: draft.body.status, progress: draft.body.progress });
    if (draft.body.status !== 'PROCESSING') return { draft, seen };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`import ${draftId} did not finish`);
}

/** Pastes text through the API and waits for the draft to be ready. */
export async function pasteAndWait(client: ApiClient, courseId: string, text: string, readingId?: string) {
  const started = await client.call('pasteImport', { courseId }, { text, ...(readingId ? { readingId } : {}) });
  if (started.status !== 202) throw new Error(`paste failed: ${JSON.stringify(started.body)}`);
  return (await waitForImport(client, courseId, started.body.id)).draft;
}

/**
 * A READY draft written straight to the database, its document made by the real importer in
 * this process: for tests about what happens after an import, without a worker per fixture.
 */
export async function readyDraft(t: TestApi, courseId: string, userId: string, text = ARTICLE): Promise<string> {
  const document = await importReading({ data: text });
  const file = await t.prisma.sourceFile.create({
    data: {
      courseId,
      filename: 'article.md',
      mediaType: 'text/markdown; charset=utf-8',
      byteSize: Buffer.byteLength(text),
      sha256: 'test',
      data: Buffer.from(text),
    },
  });
  const draft = await t.prisma.importDraft.create({
    data: {
      courseId,
      createdById: userId,
      fileId: file.id,
      status: 'READY',
      progress: 1,
      stage: 'done',
      document: document as object,
    },
  });
  return draft.id;
}

/** A saved reading of `text`, made through the save route from a ready draft. */
export async function savedReading(
  t: TestApi,
  staff: ApiClient & { userId: string },
  courseId: string,
  text = ARTICLE,
): Promise<ApiResponse> {
  const draftId = await readyDraft(t, courseId, staff.userId, text);
  const saved = await staff.call('saveImport', { courseId, draftId }, {});
  if (saved.status !== 201) throw new Error(`save failed: ${JSON.stringify(saved.body)}`);
  return saved;
}
