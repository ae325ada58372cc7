import { describe, expect, it } from 'vitest';
import { readingUpdate } from '@commonplace/contracts';
import { fieldError, metadataFromForm } from './metadata-form';

describe('metadataFromForm', () => {
  it('takes one author per line, trimmed, skipping blank lines (browsers send CRLF)', () => {
    const form = metadataFromForm({ title: 'Trade Routes', authors: ' Ada Byron \r\n\r\nAlan Turing\r\n' });
    expect(form.authors).toEqual(['Ada Byron', 'Alan Turing']);
  });

  it('reads a cleared subtitle, publisher or date as none, so saving removes it', () => {
    const form = metadataFromForm({ title: 'T', subtitle: '  ', publisher: '', publishedAt: '' });
    expect(form).toEqual({ title: 'T', subtitle: null, authors: [], publisher: null, publishedAt: null });
  });

  it('keeps what was entered, trimmed', () => {
    const form = metadataFromForm({
      title: 'T',
      subtitle: ' A subtitle ',
      publisher: ' Steppe Press ',
      publishedAt: '2022-08-26',
    });
    expect(form).toMatchObject({ subtitle: 'A subtitle', publisher: 'Steppe Press', publishedAt: '2022-08-26' });
  });
});

describe('fieldError', () => {
  const errorsOf = (values: Record<string, string>) => {
    const result = readingUpdate.safeParse(metadataFromForm(values));
    if (result.success) return {};
    return Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
  };

  it('shows a missing title beside the title', () => {
    expect(fieldError(errorsOf({ title: '  ' }), 'title')).toBe('Enter a title.');
  });

  it('shows a problem with the third author beside the authors', () => {
    const fields = errorsOf({ title: 'T', authors: `A\nB\n${'x'.repeat(201)}` });
    expect(Object.keys(fields)).toEqual(['authors.2']);
    expect(fieldError(fields, 'authors')).toMatch(/200/);
  });

  it('does not take another field’s error for its own', () => {
    expect(fieldError({ publishedAt: 'Invalid date' }, 'publisher')).toBeUndefined();
    expect(fieldError(undefined, 'title')).toBeUndefined();
  });
});
