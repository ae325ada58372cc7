import { slugOf } from '@commonplace/contracts';

/** The slug for `title` that none of `taken` is: "fresnel-lens", then "fresnel-lens-2", … */
export function freeSlugOf(title: string, taken: ReadonlySet<string>): string {
  const base = slugOf(title);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
