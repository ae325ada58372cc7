/** The longest slug made from a title; long titles keep their first words. */
const MAX_SLUG = 80;

/**
 * A page title as a readable URL part: letters and digits of any script in lower case, accents
 * dropped, everything else one hyphen ("Fresnel Lens (1822)" → "fresnel-lens-1822").
 */
export function slugOf(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .slice(0, MAX_SLUG)
    .replace(/^-+|-+$/g, '');
  return slug || 'page';
}

/** The slug for `title` that none of `taken` is: "fresnel-lens", then "fresnel-lens-2", … */
export function freeSlugOf(title: string, taken: ReadonlySet<string>): string {
  const base = slugOf(title);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
