import { Inject, Injectable } from '@nestjs/common';
import {
  BANK_IMPORT_MAX_QUESTIONS,
  bankQuestionCreate,
  type BankFormat,
  type BankImport,
  type BankImportResult,
} from '@commonplace/contracts';
import type { Viewer } from '../access/policies.js';
import { AppError } from '../common/app-error.js';
import { parseAiken, printAiken } from './aiken.js';
import { parseGift, printGift } from './gift.js';
import { QuestionBankService, splitMeta, type BankFilters } from './question-bank.service.js';
import type { PrintableQuestion, TextProblem } from './text-format.js';

const parsers = { gift: parseGift, aiken: parseAiken };
const printers = { gift: printGift, aiken: printAiken };
export const FILE_EXTENSION: Record<BankFormat, string> = { gift: 'gift', aiken: 'txt' };

/** The problems as the error's fields: line number -> what is wrong there (several joined). */
function byLine(problems: TextProblem[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const { line, message } of [...problems].sort((a, b) => a.line - b.line))
    fields[String(line)] = fields[String(line)] ? `${fields[String(line)]} ${message}` : message;
  return fields;
}

/** A field path of the schema as a person reads it: ["options", 1, "text"] -> "options #2 text". */
const fieldName = (path: PropertyKey[]) =>
  path.map((part) => (typeof part === 'number' ? `#${part + 1}` : String(part))).join(' ');

/** GIFT and Aiken in and out of the bank, and out of a quiz. */
@Injectable()
export class BankTextService {
  constructor(@Inject(QuestionBankService) private readonly bank: QuestionBankService) {}

  /**
   * Reads the text, checks every question as the create route would (schema, then passage), and
   * stores them all in one transaction; any problem anywhere stores nothing and lists them all.
   */
  async import(viewer: Viewer, request: BankImport): Promise<BankImportResult> {
    const { questions, problems } = parsers[request.format](request.text, request.category);
    if (questions.length + problems.length === 0) throw new AppError('BANK_IMPORT_EMPTY');
    if (questions.length + problems.length > BANK_IMPORT_MAX_QUESTIONS) throw new AppError('BANK_IMPORT_TOO_MANY');
    const rows = [];
    for (const { line, input } of questions) {
      const parsed = bankQuestionCreate.safeParse(input);
      if (!parsed.success) {
        for (const issue of parsed.error.issues)
          problems.push({ line, message: `${issue.path.length ? `${fieldName(issue.path)}: ` : ''}${issue.message}` });
        continue;
      }
      const { question, meta } = splitMeta(parsed.data);
      try {
        rows.push({ ...meta, ...(await this.bank.columnsOf(viewer, question)) });
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        problems.push({ line, message: `The passage: ${error.message}` });
      }
    }
    if (problems.length) throw new AppError('BANK_IMPORT_INVALID', undefined, byLine(problems));
    const ids = await this.bank.insertMany(viewer, rows);
    return { ids, count: ids.length };
  }

  async exportBank(viewer: Viewer, format: BankFormat, filters: BankFilters): Promise<string> {
    return this.print(format, await this.bank.all(viewer, filters));
  }

  async exportQuiz(viewer: Viewer, quizId: string, format: BankFormat): Promise<{ title: string; text: string }> {
    const quiz = await this.bank.quizQuestions(viewer, quizId);
    return { title: quiz.title, text: this.print(format, quiz.questions) };
  }

  /** The text, or — where the format cannot hold a question — a 422 naming each such question. */
  private print(format: BankFormat, questions: PrintableQuestion[]): string {
    const { text, problems } = printers[format](questions);
    if (problems.length) {
      const fields = Object.fromEntries(
        problems.map(({ index, message }) => {
          const prompt = questions[index]!.prompt.replace(/\s+/g, ' ');
          return [`${index + 1}. ${prompt.length > 60 ? `${prompt.slice(0, 59)}…` : prompt}`, message];
        }),
      );
      throw new AppError('BANK_EXPORT_UNSUPPORTED', undefined, fields);
    }
    return text;
  }
}
