// What the instructor learns from annotations, and annotations as files, in Chromium: a student
// imports another tool's JSON-LD (one passage placed, one reported), downloads their annotations as
// Markdown from the course home; the instructor, on a phone, sees the student's participation with
// its chart in words, downloads the CSV, and no private annotation among the passages.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from '../support/axe.js';
import { seededCourse } from '../support/course-setup.js';
import { endToEnd } from '../support/e2e.js';

const e2e = endToEnd();

const fromElsewhere = (exact: string, comment: string) => ({
  type: 'Annotation',
  body: { type: 'TextualBody', value: comment, format: 'text/plain' },
  target: { source: 'https://elsewhere.example/caspian', selector: { type: 'TextQuoteSelector', exact } },
});

describe('participation and annotation files', () => {
  it('imports, exports and sums up a student’s annotations', async () => {
    const { instructor, student, courseId, readingId } = await seededCourse(e2e.app.url);
    const course = `/courses/${courseId}`;

    const { page } = await student.open(e2e.browser);
    await page.goto(course, { waitUntil: 'networkidle' });
    await page.getByRole('link', { name: 'Import annotations from another tool' }).click();
    await page.waitForURL(`**${course}/annotation-import`);
    await page.getByLabel('Reading to import onto').selectOption(readingId);
    const collection = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'AnnotationCollection',
      first: {
        type: 'AnnotationPage',
        items: [
          fromElsewhere('the berths too shallow', 'Why were the berths shallow?'),
          fromElsewhere('a passage of some other text', 'Lost.'),
        ],
      },
    };
    await page.getByLabel('JSON-LD file (up to 2 MB)').setInputFiles({
      name: 'hypothesis.jsonld',
      mimeType: 'application/ld+json',
      buffer: Buffer.from(JSON.stringify(collection)),
    });
    await page.getByRole('button', { name: 'Import' }).click();
    await page.getByText('Imported 1 annotation as private.').waitFor();
    const skipped = page.getByRole('region', { name: 'Not imported (1)' });
    expect(await skipped.textContent()).toContain(
      'Annotation 2 in the file: Its quoted words are not in this reading.',
    );

    await page.goto(course, { waitUntil: 'networkidle' });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'My annotations as Markdown' }).click(),
    ]);
    const markdown = await readFile((await download.path())!, 'utf8');
    expect(markdown).toContain('> the berths too shallow');
    expect(markdown).toContain('Why were the berths shallow?');
    // The course's annotations are for staff: a student has no link to them.
    expect(await page.getByRole('link', { name: /The course’s as/ }).count()).toBe(0);

    const staff = (await instructor.open(e2e.browser, { width: 390, height: 844 })).page;
    await staff.goto(course, { waitUntil: 'networkidle' });
    await staff.getByRole('navigation', { name: 'Course' }).getByRole('link', { name: 'Participation' }).click();
    await staff.waitForURL(`**${course}/participation`);
    const row = staff.getByRole('row', { name: /Timur Akhmetov/ });
    expect((await row.getByRole('cell').allTextContents()).slice(1, 3).map((text) => text.trim())).toEqual(['1', '0']);
    const chart = row.getByRole('img');
    expect(await chart.getAttribute('aria-label')).toMatch(
      /^Timur Akhmetov: 1 annotation or reply on 1 day of 1; busiest \d{4}-\d\d-\d\d, with 1\.$/,
    );
    // A private annotation counts for participation, but no passage of it is shown.
    expect(await staff.getByRole('region', { name: 'Most discussed' }).textContent()).toContain(
      'No shared annotations on this reading yet.',
    );
    expect(await staff.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await seriousViolations(staff)).toEqual([]);

    const csvHref = await staff.getByRole('link', { name: 'Download CSV' }).getAttribute('href');
    const csv = await (await fetch(`${e2e.app.url}${csvHref}`, { headers: { cookie: instructor.cookie } })).text();
    expect(csv).toMatch(/\r\nTimur Akhmetov,timur\.akhmetov\.[0-9a-f]+@example\.test,Caspian,1,0,0,5,/);
  });
});
