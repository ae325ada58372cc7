// Manual try of the quiz builder (not a test; deleted before commit).
import { chromium } from 'playwright-core';
const base = 'http://localhost:3901';
const shots = '/tmp/builder-shots';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
async function login(email, width) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.log('PAGEERROR', e.message));
  page.on('console', (m) => m.type() === 'error' && console.log('CONSOLE', m.text()));
  await page.goto(`${base}/login`);
  await page.fill('input[name=email]', email);
  await page.fill('input[name=password]', 'commonplace-demo-1');
  await page.click('button[type=submit]');
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  return page;
}
const step = process.argv[2] ?? 'all';
const width = Number(process.argv[3] ?? 1280);
const page = await login('dana.instructor@demo.commonplace.test', width);
await page.goto(`${base}/courses`);
const courseHref = await page.locator('a[href^="/courses/"]').first().getAttribute('href');
const courseId = courseHref.split('/')[2];
console.log('course', courseId);
await page.goto(`${base}/courses/${courseId}/quizzes`);
await page.screenshot({ path: `${shots}/list-staff-${width}.png`, fullPage: true });
if (step === 'list') process.exit(0);
await page.click('text=New quiz');
await page.fill('#title', 'Week 1 reading check');
await page.selectOption('#moduleId', { index: 1 });
await page.locator('input[name=readingIds]').first().check();
await page.fill('#timeLimitMinutes', '20');
await page.fill('#opensAt', '2026-12-01T09:00');
await page.fill('#closesAt', '2026-11-01T09:00');
await page.click('text=Create quiz and add questions');
await page.waitForTimeout(1500);
await page.screenshot({ path: `${shots}/new-refused-${width}.png`, fullPage: true });
await page.fill('#closesAt', '2026-12-20T09:00');
await page.click('text=Create quiz and add questions');
await page.waitForURL(/\/edit$/);
console.log('edit url', page.url());
// A single-choice question with a passage.
await page.click('button:has-text("Add question")');
await page.fill('#q-new-prompt', 'Which pipeline carries most of Kazakhstan’s oil exports?');
const options = page.locator('input[id^="q-new-option-"][id$="-text"]');
await options.nth(0).fill('Caspian Pipeline Consortium');
await options.nth(1).fill('Druzhba');
await options.nth(2).fill('Baku–Tbilisi–Ceyhan');
await page.locator('input[name="q-new-correct"]').first().check();
await page.click('text=Choose a passage');
await page.selectOption('#q-new-reading', { index: 1 });
await page.waitForSelector('.text [data-block]');
// Select words of the third block.
await page.evaluate(() => {
  const block = [...document.querySelectorAll('.text [data-block]')].find((b) => (b.textContent ?? '').length > 80);
  const node = block.firstChild;
  const range = document.createRange();
  range.setStart(node, 0);
  range.setEnd(node, 40);
  const sel = document.getSelection();
  sel.removeAllRanges();
  sel.addRange(range);
});
await page.screenshot({ path: `${shots}/picker-${width}.png`, fullPage: true });
await page.click('button:has-text("Use selected words")');
await page.click('button:has-text("Save question")');
await page.waitForTimeout(1000);
// A cloze, with one blank, refused first for an empty answer.
await page.selectOption('#add-question-type', 'cloze');
await page.click('button:has-text("Add question")');
await page.fill('#q-new-prompt', 'Fill in the blank.');
await page.fill('#q-new-text', 'About 80% goes through the ');
await page.click('text=Insert a blank at the cursor');
await page.click('button:has-text("Save question")');
await page.waitForTimeout(500);
await page.screenshot({ path: `${shots}/cloze-refused-${width}.png`, fullPage: true });
await page.fill('#q-new-blank-0', 'CPC\nCaspian Pipeline Consortium');
await page.click('button:has-text("Save question")');
await page.waitForTimeout(1000);
// A multiple choice.
await page.selectOption('#add-question-type', 'multiple-choice');
await page.click('button:has-text("Add question")');
await page.screenshot({ path: `${shots}/multiple-${width}.png`, fullPage: true });
await page.click('form.editor >> text=Cancel');
// Move question 2 up.
await page.click('button[aria-label="Move question 2 up"]');
await page.waitForTimeout(800);
const focused = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.id);
console.log('focus after move', focused);
await page.click('text=Publish');
await page.waitForTimeout(1200);
await page.screenshot({ path: `${shots}/edit-${width}.png`, fullPage: true });
await page.goto(`${base}/courses/${courseId}/quizzes`);
await page.screenshot({ path: `${shots}/list-staff-after-${width}.png`, fullPage: true });
const student = await login('aigerim@demo.commonplace.test', width);
await student.goto(`${base}/courses/${courseId}/quizzes`);
await student.screenshot({ path: `${shots}/list-student-${width}.png`, fullPage: true });
await browser.close();
