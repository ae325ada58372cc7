import { safeHref } from '@commonplace/editor';

/** Longest link address kept in a note; longer ones are refused in the link dialog. */
export const MAX_LINK_LENGTH = 2048;

/**
 * The href to store for what the writer typed, or an error to show. A bare "example.org" becomes
 * https://example.org (it would otherwise be a link relative to the app); schemes that run code
 * (javascript:, data:, vbscript:) are refused, as the schema would drop them anyway.
 */
export function linkAddress(typed: string): { href: string } | { error: string } {
  const trimmed = typed.trim();
  if (!trimmed) return { error: 'Enter the address the link goes to.' };
  if (trimmed.length > MAX_LINK_LENGTH) return { error: `A link address is at most ${MAX_LINK_LENGTH} characters.` };
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]|[\ud800-\udfff]/u.test(trimmed))
    return { error: 'That address has characters a link cannot have.' };
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(trimmed);
  const href = hasScheme || /^[/#?]/.test(trimmed) ? trimmed : `https://${trimmed}`;
  if (safeHref(href) === undefined) return { error: 'Links may only start with https://, http:// or mailto:.' };
  return { href };
}
