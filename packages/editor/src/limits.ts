/**
 * Size limits the collaboration server enforces, shared so the web app can warn before a paste
 * that the server would refuse.
 */

/** Largest stored document, as the bytes of its encoded Yjs state: far above a long essay with tables. */
export const MAX_DOCUMENT_BYTES = 8 * 1024 * 1024;

/**
 * Largest single websocket message. A reconnect after a long offline session sends every offline
 * change in one sync message, so this is generous; it matches the API's JSON body limit.
 */
export const MAX_MESSAGE_BYTES = 1024 * 1024;
