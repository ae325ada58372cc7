import { errorResponse, importDraft, type ImportDraft } from '@commonplace/contracts';

export type UploadResult = { ok: true; draft: ImportDraft } | { ok: false; message: string; code: string };

/**
 * Sends a file to the uploadImport route on this origin with XMLHttpRequest, the one browser API
 * that reports upload progress. Resolves with the draft, or with the API's error for people.
 */
export function uploadFile(
  url: string,
  file: File,
  readingId: string | null,
  onProgress: (fraction: number) => void,
): Promise<UploadResult> {
  const body = new FormData();
  if (readingId) body.set('readingId', readingId);
  body.set('file', file, file.name);
  return new Promise((done) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => done(readAnswer(xhr.status, xhr.responseText));
    xhr.onerror = () =>
      done({ ok: false, code: 'NETWORK', message: 'The upload was interrupted. Check your connection and try again.' });
    xhr.send(body);
  });
}

function readAnswer(status: number, text: string): UploadResult {
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    // Not JSON: a proxy's error page, say; answered below by status.
  }
  if (status >= 200 && status < 300) {
    const draft = importDraft.safeParse(json);
    if (draft.success) return { ok: true, draft: draft.data };
  }
  const error = errorResponse.safeParse(json);
  if (error.success) {
    const { code, message, fields } = error.data.error;
    const detail = fields ? Object.values(fields).join(' ') : '';
    return { ok: false, code, message: detail && code === 'VALIDATION_FAILED' ? detail : message };
  }
  if (status === 413) return { ok: false, code: 'FILE_TOO_LARGE', message: 'The file is too large to import.' };
  return { ok: false, code: 'INTERNAL', message: 'The server could not take the file. Try again in a moment.' };
}

/** The file types the importer reads, for the file picker and the drop zone's hint. */
export const ACCEPTED_TYPES =
  '.txt,.md,.markdown,.html,.htm,.pdf,.docx,text/plain,text/markdown,text/html,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  const mb = bytes / 1024 / 1024;
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}
