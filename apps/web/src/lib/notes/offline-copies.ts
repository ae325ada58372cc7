const PREFIX = 'commonplace:';

/** The IndexedDB database keeping one user's offline copy of one document on this device. */
export const offlineCopyName = (documentName: string, userId: string) => `${PREFIX}${documentName}:${userId}`;

const unsavedKey = (userId: string) => `${PREFIX}unsaved:${userId}`;

/**
 * The documents holding changes this device made that the server has not acknowledged yet (made
 * offline, say): logging out would delete them with the offline copies, so logging out asks first.
 */
export function unsavedDocuments(userId: string): string[] {
  try {
    const names: unknown = JSON.parse(localStorage.getItem(unsavedKey(userId)) ?? '[]');
    return Array.isArray(names) ? names.filter((name): name is string => typeof name === 'string') : [];
  } catch {
    return [];
  }
}

/** Records whether a document has changes on this device that the server has not acknowledged. */
export function markUnsaved(userId: string, documentName: string, unsaved: boolean): void {
  const names = new Set(unsavedDocuments(userId));
  if (unsaved === names.has(documentName)) return;
  if (unsaved) names.add(documentName);
  else names.delete(documentName);
  try {
    if (names.size) localStorage.setItem(unsavedKey(userId), JSON.stringify([...names]));
    else localStorage.removeItem(unsavedKey(userId));
  } catch {
    // Storage full or blocked: logging out then does not warn, as before this record existed.
  }
}

/**
 * Deletes the user's offline copies as they log out, so that the next person at a shared computer
 * cannot read them from the browser's storage.
 */
export async function forgetOfflineCopies(userId: string): Promise<void> {
  if (typeof localStorage !== 'undefined') localStorage.removeItem(unsavedKey(userId));
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return;
  const databases = await indexedDB.databases().catch(() => []);
  for (const { name } of databases) {
    if (name?.startsWith(PREFIX) && name.endsWith(`:${userId}`)) indexedDB.deleteDatabase(name);
  }
}
