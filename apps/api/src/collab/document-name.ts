import { isUuid } from '../common/request-auth.js';

const PREFIX = 'doc:';

/** The document id a `/collab` document name (`doc:<uuid>`) names, or null for any other name. */
export function documentIdOf(documentName: string): string | null {
  if (!documentName.startsWith(PREFIX)) return null;
  const id = documentName.slice(PREFIX.length);
  return isUuid(id) ? id.toLowerCase() : null;
}
