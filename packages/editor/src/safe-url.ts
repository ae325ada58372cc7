/** Schemes a link in a note may point at; anything else (javascript:, data:, vbscript:) is dropped. */
const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto']);

/**
 * The href if it is safe to render as a link, else undefined. Browsers ignore ASCII whitespace and
 * control characters inside a scheme ("java\tscript:"), so they are removed before the check.
 * Relative URLs (no scheme) are safe: they stay on the site that renders them.
 */
export function safeHref(href: unknown): string | undefined {
  if (typeof href !== 'string') return undefined;
  // eslint-disable-next-line no-control-regex
  const compact = href.replace(/[\u0000-\u0020\u007f]/g, '');
  if (!compact) return undefined;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact)?.[1];
  if (scheme === undefined) return href.trim();
  return ALLOWED_SCHEMES.has(scheme.toLowerCase()) ? href.trim() : undefined;
}
