const PREFIX = 'commonplace:';

/** The IndexedDB database keeping one user's offline copy of one document on this device. */
export const offlineCopyName = (documentName: string, userId: string) => `${PREFIX}${documentName}:${userId}`;

/**
 * Deletes the user's offline copies as they log out, so that the next person at a shared computer
 * cannot read them from the browser's storage.
 */
export async function forgetOfflineCopies(userId: string): Promise<void> {
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return;
  const databases = await indexedDB.databases().catch(() => []);
  for (const { name } of databases) {
    if (name?.startsWith(PREFIX) && name.endsWith(`:${userId}`)) indexedDB.deleteDatabase(name);
  }
}
