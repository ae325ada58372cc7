/** A reading's metadata as the forms that edit it send it: the import preview and "Edit details". */
export interface MetadataForm {
  title: string;
  subtitle: string | null;
  authors: string[];
  publisher: string | null;
  publishedAt: string | null;
}

const orNull = (value: string | undefined) => (value?.trim() ? value.trim() : null);

/**
 * Reads the metadata fields of a submitted form: one author per line (blank lines dropped), and a
 * blank subtitle, publisher or date as none, so that clearing a field removes it.
 */
export function metadataFromForm(values: Record<string, string>): MetadataForm {
  return {
    title: values.title ?? '',
    subtitle: orNull(values.subtitle),
    authors: (values.authors ?? '')
      .split('\n')
      .map((author) => author.trim())
      .filter(Boolean),
    publisher: orNull(values.publisher),
    publishedAt: orNull(values.publishedAt),
  };
}

/** The error to show beside a field: its own, or else the first of its items' (`authors.2`). */
export function fieldError(fields: Record<string, string> | undefined, name: string): string | undefined {
  if (!fields) return undefined;
  return fields[name] ?? Object.entries(fields).find(([key]) => key.startsWith(`${name}.`))?.[1];
}
