import type { FastifyRequest } from 'fastify';
import { MAX_UPLOAD_BYTES } from '@commonplace/contracts';
import { AppError } from '../common/app-error.js';

/** Room for the multipart boundaries, part headers and the small fields beside the file. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

/** Options for @fastify/multipart: one file of at most the importer's limit, a few short fields. */
export const multipartLimits = {
  limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 4, fieldSize: 1024, parts: 6 },
  throwFileSizeLimit: true,
};

export interface Upload {
  bytes: Buffer<ArrayBuffer>;
  filename: string;
  fields: Record<string, string>;
}

/**
 * Reads a multipart upload: the file in field `file`, and the short text fields. A declared
 * length over the limit is refused before a byte is read; a body that grows past it while
 * streaming (chunked, or lying about its length) is refused the moment it does, so at most the
 * limit is ever held in memory.
 */
export async function readUpload(request: FastifyRequest): Promise<Upload> {
  if (!request.isMultipart()) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the file as multipart/form-data, in a field named "file".');
  }
  const declared = Number(request.headers['content-length']);
  if (declared > MAX_UPLOAD_BYTES + MULTIPART_OVERHEAD_BYTES) throw new AppError('FILE_TOO_LARGE');

  let file: { bytes: Buffer<ArrayBuffer>; filename: string } | undefined;
  const fields: Record<string, string> = {};
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        // toBuffer concatenates into a fresh Buffer, never a shared one.
        const bytes = (await part.toBuffer()) as Buffer<ArrayBuffer>;
        if (part.fieldname === 'file') file = { bytes, filename: cleanFilename(part.filename) };
      } else if (typeof part.value === 'string') {
        fields[part.fieldname] = part.value;
      }
    }
  } catch (error) {
    throw uploadError(error);
  }
  if (!file) throw new AppError('VALIDATION_FAILED', undefined, { file: 'Choose a file to upload.' });
  return { ...file, fields };
}

function uploadError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  switch ((error as { code?: string }).code) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return new AppError('FILE_TOO_LARGE');
    case 'FST_FILES_LIMIT':
      return new AppError('VALIDATION_FAILED', undefined, { file: 'Upload one file at a time.' });
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
    case 'FST_PROTO_VIOLATION':
      return new AppError('VALIDATION_FAILED', undefined, { body: 'The upload has fields this form does not have.' });
    default:
      return new AppError('VALIDATION_FAILED', undefined, { file: 'The upload was cut off or malformed. Try again.' });
  }
}

/** The name as the person's computer had it, without any path, control characters or excess length. */
function cleanFilename(name: string | undefined): string {
  const base = (name ?? '').split(/[/\\]/).pop() ?? '';
  const cleaned = base
    // Browsers send a name's quotes and line breaks percent-encoded (the HTML form encoding).
    .replace(/%22/g, '"')
    .replace(/%0[AD]/gi, '')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim()
    .slice(0, 200);
  return cleaned || 'upload';
}
