import type { QuestionConfig, QuestionPassage } from '@commonplace/contracts';

/** A question read from GIFT or Aiken text, not yet checked: a bank question's input, and where it began. */
export interface ParsedQuestion {
  /** The 1-based line of the text where the question starts, for problems found when it is checked. */
  line: number;
  input: Record<string, unknown>;
}

/** Something wrong in the text, by line. */
export interface TextProblem {
  line: number;
  message: string;
}

export interface ParseResult {
  questions: ParsedQuestion[];
  problems: TextProblem[];
}

/** A stored question (a bank's or a quiz's) as the printers read it. */
export type PrintableQuestion = QuestionConfig & {
  prompt: string;
  points: number;
  feedback: string;
  passage: QuestionPassage | null;
  title?: string;
  category?: string;
  tags?: string[];
};

/** A question a format cannot hold: its place in the list printed (from 0) and why. */
export interface PrintProblem {
  index: number;
  message: string;
}

export interface PrintResult {
  text: string;
  problems: PrintProblem[];
}

/** The lines of a text, whatever its line endings. */
export const linesOf = (text: string) => text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
