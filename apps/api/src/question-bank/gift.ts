import {
  linesOf,
  type ParseResult,
  type ParsedQuestion,
  type PrintableQuestion,
  type PrintResult,
  type TextProblem,
} from './text-format.js';

/**
 * Moodle's GIFT format (https://docs.moodle.org/en/GIFT_format), read and written.
 *
 * Questions are separated by blank lines; `//` lines are comments; `$CATEGORY: path` sets the
 * category of the questions after it; `::title::` names a question; the answers sit in `{…}`:
 * `=right ~wrong` (one `=`: single choice; no `=` but `~%50%` weights: multiple choice, an option
 * right if its weight is positive), `{T}`/`{F}`/`{TRUE}`/`{FALSE}`, `{=a =b}` short answer,
 * `{#3.14:0.01}` or `{#1..5}` numeric, `{=a -> b}` matching, `{}` essay; `#` per-answer
 * feedback, `####` general feedback; `\~ \= \# \{ \} \: \\ \n` escapes. Text after the answers
 * makes a "missing word" question: a short answer becomes a cloze of one blank, any other type
 * gets `_____` in its prompt, as Moodle shows it.
 *
 * What GIFT has no word for (points, case-sensitive answers, an essay's rubric, the passage, a
 * cloze's instructions) rides in a comment Moodle ignores: `// @commonplace {json}`. Tags are
 * Moodle's own `// [tag:name]`. What our types cannot hold (partial credit on single choice,
 * unequal weights, per-answer feedback where a type has none, unmatched matching answers, a
 * description with no answers) is a problem on the question's line, never dropped in silence.
 */

const EXTENSION = '@commonplace';
const BLANK = '_____';

// Escaped characters stand in as private-use characters while the text is split, then go back.
const ESCAPES: Record<string, string> = {
  '\\': '\uE000',
  '~': '\uE001',
  '=': '\uE002',
  '#': '\uE003',
  '{': '\uE004',
  '}': '\uE005',
  ':': '\uE006',
};
const UNESCAPES = Object.fromEntries(Object.entries(ESCAPES).map(([char, stand]) => [stand, char]));

const hideEscapes = (text: string) =>
  text.replace(/\\([\\~=#{}:n])/g, (_, char: string) => (char === 'n' ? '\n' : ESCAPES[char]!));
const restore = (text: string) => text.replace(/[\uE000-\uE006]/g, (stand) => UNESCAPES[stand]!);
/** A piece of the text, escapes restored, whitespace trimmed and Moodle's text-format marker dropped. */
const FORMAT_MARKER = /^\s*\[(html|moodle|plain|markdown)\]\s*/i;
const clean = (text: string) => restore(text.replace(FORMAT_MARKER, '')).trim();

interface Answer {
  marker: '=' | '~';
  weight: number | null;
  text: string;
  feedback: string | null;
}

class QuestionProblem extends Error {}
const refuse = (message: string): never => {
  throw new QuestionProblem(message);
};

function splitAnswers(body: string): Answer[] {
  const first = body.search(/[=~]/);
  if (first === -1 || body.slice(0, first).trim())
    refuse('Start each answer with = (right) or ~ (wrong), or write T or F, # and a number, or nothing for an essay.');
  return [...body.slice(first).matchAll(/([=~])([^=~]*)/g)].map((match) => {
    let content = match[2]!;
    let weight: number | null = null;
    const weighted = /^\s*%(-?\d+(?:\.\d+)?)%/.exec(content);
    if (weighted) {
      weight = Number(weighted[1]);
      content = content.slice(weighted[0].length);
    }
    const hash = content.indexOf('#');
    return {
      marker: match[1] as '=' | '~',
      weight,
      text: clean(hash === -1 ? content : content.slice(0, hash)),
      feedback: hash === -1 ? null : clean(content.slice(hash + 1)),
    };
  });
}

function noFeedback(answers: Answer[], kind: string) {
  if (answers.some((a) => a.feedback))
    refuse(`A ${kind} question has no feedback per answer here: move it to the general feedback, after ####.`);
}

function parseNumber(text: string): number {
  const value = Number(text.trim());
  if (!text.trim() || !Number.isFinite(value)) refuse(`"${clean(text)}" is not a number.`);
  return value;
}

function numericKey(body: string): { answer: number; tolerance: number } {
  let spec = body;
  if (/[=~]/.test(body)) {
    const answers = splitAnswers(body);
    noFeedback(answers, 'numeric');
    if (answers.length !== 1 || answers[0]!.marker !== '=' || (answers[0]!.weight ?? 100) !== 100)
      refuse('A numeric question here takes one right answer, with its tolerance: partial credit has no equivalent.');
    spec = answers[0]!.text;
  } else if (spec.includes('#')) refuse('A numeric question has no feedback per answer here: use #### for feedback.');
  const range = /^(.*)\.\.(.*)$/.exec(spec);
  if (range) {
    const [low, high] = [parseNumber(range[1]!), parseNumber(range[2]!)];
    if (high < low) refuse(`The range ${low}..${high} ends before it starts.`);
    return { answer: (low + high) / 2, tolerance: (high - low) / 2 };
  }
  const [value, tolerance] = spec.split(':');
  return { answer: parseNumber(value!), tolerance: tolerance === undefined ? 0 : parseNumber(tolerance) };
}

function choiceKey(answers: Answer[]) {
  const options = answers.map((a) => ({ text: a.text, correct: false, feedback: a.feedback ?? '' }));
  const rights = answers.filter((a) => a.marker === '=');
  if (rights.length > 0) {
    if (rights.length > 1)
      refuse('Mark one answer right with =, or give the right ones weights like ~%50% for several right answers.');
    if (answers.some((a) => (a.marker === '=' ? (a.weight ?? 100) !== 100 : (a.weight ?? 0) !== 0)))
      refuse('Partial credit or a penalty on a single-choice question has no equivalent here: one answer is right.');
    answers.forEach((a, i) => (options[i]!.correct = a.marker === '='));
    return { type: 'single-choice', options };
  }
  const positive = answers.filter((a) => (a.weight ?? 0) > 0).map((a) => a.weight!);
  if (positive.length === 0) refuse('Mark the right answer with =, or the right ones with weights like ~%50%.');
  if (positive.some((w) => Math.abs(w - positive[0]!) > 0.01))
    refuse(`The right options weigh ${positive.join('%, ')}%: here each right option counts the same.`);
  const total = positive.reduce((sum, w) => sum + w, 0);
  if (Math.abs(total - 100) > 0.1) refuse(`The right options' weights add up to ${total}%, not 100%.`);
  answers.forEach((a, i) => (options[i]!.correct = (a.weight ?? 0) > 0));
  return { type: 'multiple-choice', options };
}

interface Extension {
  type?: string;
  prompt?: string;
  points?: number;
  caseSensitive?: boolean;
  rubric?: string;
  passage?: unknown;
}

function extensionOf(comments: string[]): Extension {
  const line = comments.find((c) => c.startsWith(EXTENSION));
  if (!line) return {};
  try {
    const value: unknown = JSON.parse(line.slice(EXTENSION.length));
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Extension;
  } catch {
    // Refused below, like any other value that is not an object.
  }
  return refuse(`The ${EXTENSION} comment is not a JSON object.`);
}

/** The type's fields of a question from its answer block (escapes hidden) and the text around it. */
function keyOf(block: string, hasTextAfter: boolean, extension: Extension): Record<string, unknown> {
  const body = block.trim();
  if (!body) return { type: 'essay', rubric: extension.rubric ?? '' };
  const truth = /^(T|TRUE|F|FALSE)\s*(#.*)?$/is.exec(body);
  if (truth) {
    if (truth[2]) refuse('A true/false question has no feedback per answer here: use #### for feedback.');
    return { type: 'true-false', answer: truth[1]!.toUpperCase().startsWith('T') };
  }
  if (body.startsWith('#')) return { type: 'numeric', ...numericKey(body.slice(1)) };
  const answers = splitAnswers(body);
  if (answers.some((a) => a.marker === '~')) return choiceKey(answers);
  const matches = answers.filter((a) => a.text.includes('->'));
  if (matches.length > 0) {
    if (matches.length !== answers.length) refuse('Write every pair of a matching question as =item -> match.');
    noFeedback(answers, 'matching');
    if (answers.some((a) => a.weight !== null)) refuse('A matching question takes no weights.');
    const pairs = answers.map((a) => {
      const at = a.text.indexOf('->');
      return { prompt: a.text.slice(0, at).trim(), answer: a.text.slice(at + 2).trim() };
    });
    if (pairs.some((p) => !p.prompt))
      refuse('Extra answers with nothing to match (= -> answer) have no equivalent here: remove them.');
    return { type: 'matching', pairs };
  }
  noFeedback(answers, 'short-answer');
  if (answers.some((a) => (a.weight ?? 100) !== 100))
    refuse('Partial credit on a short answer has no equivalent here: every accepted answer is fully right.');
  const acceptedAnswers = answers.map((a) => a.text);
  const caseSensitive = extension.caseSensitive ?? false;
  if (hasTextAfter || extension.type === 'cloze')
    return { type: 'cloze', blanks: [{ acceptedAnswers, caseSensitive }] };
  return { type: 'short-answer', acceptedAnswers, caseSensitive };
}

interface Block {
  line: number;
  lines: string[];
  comments: string[];
}

function blocksOf(text: string): Block[] {
  const blocks: Block[] = [];
  let current: Block | null = null;
  let comments: string[] = [];
  linesOf(text).forEach((raw, index) => {
    const line = raw.trim();
    if (line.startsWith('//')) {
      (current?.comments ?? comments).push(line.slice(2).trim());
    } else if (!line) {
      current = null;
    } else if (current) {
      current.lines.push(raw);
    } else {
      current = { line: index + 1, lines: [raw], comments };
      comments = [];
      blocks.push(current);
    }
  });
  return blocks;
}

function tagsOf(comments: string[]): string[] {
  return comments.flatMap((c) => [...c.matchAll(/\[tag:([^\]]+)\]/g)].map((m) => m[1]!.trim()));
}

/** Moodle writes categories as paths like `$course$/top/Week 1`; the context and `top` are not ours. */
function categoryName(path: string): string {
  return path
    .trim()
    .replace(/^\$(course|system|module|cat\d+)\$\//, '')
    .replace(/^top(\/|$)/, '')
    .trim();
}

function questionOf(block: Block, category: string): Record<string, unknown> {
  let text = hideEscapes(block.lines.join('\n'));
  const extension = extensionOf(block.comments);
  let title = '';
  const named = /^\s*::([\s\S]*?)::/.exec(text);
  if (named) {
    title = clean(named[1]!);
    text = text.slice(named[0].length);
  }
  const open = text.indexOf('{');
  if (open === -1)
    refuse('This has no answers in { }: a text with no question (a Moodle "description") has no equivalent here.');
  const close = text.indexOf('}', open);
  if (close === -1) refuse('The answers open with { but never close with }.');
  if (text.indexOf('{', close) !== -1) refuse('A question has one set of answers in { }: escape other braces as \\{.');
  const before = text.slice(0, open);
  const after = text.slice(close + 1);
  let block2 = text.slice(open + 1, close);
  let feedback = '';
  const general = block2.indexOf('####');
  if (general !== -1) {
    feedback = clean(block2.slice(general + 4));
    block2 = block2.slice(0, general);
  }
  const key = keyOf(block2, Boolean(after.trim()), extension);
  let prompt = clean(before);
  // The words around a blank keep their own spacing, so that "is {=Paris}." stays "is {{1}}.".
  const around = (blank: string) => restore(`${before.replace(FORMAT_MARKER, '')}${blank}${after}`).trim();
  if (key.type === 'cloze') {
    key.text = around('{{1}}');
    prompt = extension.prompt ?? 'Fill in the blank.';
  } else if (after.trim()) prompt = around(BLANK);
  return {
    ...key,
    prompt,
    points: extension.points ?? 1,
    feedback,
    ...(extension.passage ? { passage: extension.passage } : {}),
    title,
    category,
    tags: tagsOf(block.comments),
  };
}

/** Reads GIFT text: each question's input, or the problems of those that cannot be read. */
export function parseGift(text: string, defaultCategory = ''): ParseResult {
  const questions: ParsedQuestion[] = [];
  const problems: TextProblem[] = [];
  let category = defaultCategory;
  for (const block of blocksOf(text)) {
    const first = block.lines[0]!.trim();
    if (/^\$CATEGORY:/i.test(first)) {
      category = categoryName(first.slice('$CATEGORY:'.length)) || defaultCategory;
      continue;
    }
    try {
      questions.push({ line: block.line, input: questionOf(block, category) });
    } catch (error) {
      if (!(error instanceof QuestionProblem)) throw error;
      problems.push({ line: block.line, message: error.message });
    }
  }
  return { questions, problems };
}

/** Text as GIFT writes it: reserved characters escaped, line breaks as `\n`, so it stays on one line. */
const escapeGift = (text: string) => text.replace(/[\\~=#{}:]/g, (char) => `\\${char}`).replace(/\r\n|\r|\n/g, '\\n');

/** A weight as Moodle writes it: at most five decimals, no trailing zeros. */
const weight = (value: number) => String(Number(value.toFixed(5)));
const withFeedback = (text: string, feedback: string) =>
  feedback ? `${escapeGift(text)}#${escapeGift(feedback)}` : escapeGift(text);

function answerBlock(question: PrintableQuestion, extension: Extension): string {
  const answers = (lines: string[]) => `{\n${lines.map((line) => `\t${line}`).join('\n')}\n`;
  switch (question.type) {
    case 'single-choice':
      return answers(question.options.map((o) => `${o.correct ? '=' : '~'}${withFeedback(o.text, o.feedback)}`));
    case 'multiple-choice': {
      const right = question.options.filter((o) => o.correct).length;
      const wrong = question.options.length - right;
      return answers(
        question.options.map(
          (o) => `~%${o.correct ? weight(100 / right) : weight(-100 / wrong)}%${withFeedback(o.text, o.feedback)}`,
        ),
      );
    }
    case 'true-false':
      return `{${question.answer ? 'TRUE' : 'FALSE'}`;
    case 'short-answer':
      if (question.caseSensitive) extension.caseSensitive = true;
      return `{${question.acceptedAnswers.map((a) => `=${escapeGift(a)}`).join(' ')}`;
    case 'numeric':
      return `{#${question.answer}:${question.tolerance}`;
    case 'matching':
      return answers(question.pairs.map((p) => `=${escapeGift(p.prompt)} -> ${escapeGift(p.answer)}`));
    case 'essay':
      if (question.rubric) extension.rubric = question.rubric;
      return '{';
    case 'cloze': {
      const [blank] = question.blanks;
      extension.type = 'cloze';
      extension.prompt = question.prompt;
      if (blank!.caseSensitive) extension.caseSensitive = true;
      return `{${blank!.acceptedAnswers.map((a) => `=${escapeGift(a)}`).join(' ')}`;
    }
  }
}

function printQuestion(question: PrintableQuestion): string {
  const extension: Extension = {};
  if (question.points !== 1) extension.points = question.points;
  if (question.passage) extension.passage = question.passage;
  const block = answerBlock(question, extension);
  const close = `${question.feedback ? `####${escapeGift(question.feedback)}` : ''}}`;
  let body: string;
  if (question.type === 'cloze') {
    const [before, after] = question.text.split('{{1}}') as [string, string];
    body = `${escapeGift(before)}${block}${close}${escapeGift(after)}`;
  } else body = `${escapeGift(question.prompt)}${block}${close}`;
  const comments = [
    ...(question.tags?.length ? [`// ${question.tags.map((t) => `[tag:${t.replace(/\]/g, '')}]`).join(' ')}`] : []),
    ...(Object.keys(extension).length ? [`// ${EXTENSION} ${JSON.stringify(extension)}`] : []),
  ];
  const title = question.title ? `::${escapeGift(question.title)}::` : '';
  return [...comments, `${title}${body}`].join('\n');
}

/**
 * Writes questions as GIFT, each category announced where it changes. A cloze of several blanks
 * has no GIFT form (one answer block per question): it is a problem, and the text leaves it out.
 */
export function printGift(questions: PrintableQuestion[]): PrintResult {
  const parts: string[] = [];
  const problems: PrintResult['problems'] = [];
  let category = '';
  questions.forEach((question, index) => {
    if (question.type === 'cloze' && question.blanks.length !== 1) {
      problems.push({ index, message: 'GIFT holds one blank per question: split this cloze, or leave it out.' });
      return;
    }
    if ((question.category ?? '') !== category) {
      category = question.category ?? '';
      parts.push(`$CATEGORY: ${category}`);
    }
    parts.push(printQuestion(question));
  });
  return { text: parts.length ? `${parts.join('\n\n')}\n` : '', problems };
}
