/** The largest websocket message a client may send; a larger one closes its connection (1009). */
export const MAX_MESSAGE_BYTES = 2 * 1024 * 1024;
/** The most a document may grow to (its stored state plus updates since); edits past it are refused. */
export const MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;
/** Documents one socket may open at once. */
export const MAX_DOCUMENTS_PER_SOCKET = 32;
/** Updates stored since a document's load after which its compaction is queued. */
export const COMPACT_AFTER_UPDATES = 500;
