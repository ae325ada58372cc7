import { Inject, Injectable } from '@nestjs/common';
import type { PreviewCheck, PreviewResult, QuizPreview } from '@commonplace/contracts';
import { randomUUID } from 'node:crypto';
import type { Viewer } from '../access/policies.js';
import { AppError } from '../common/app-error.js';
import { questionsInOrder } from './attempt-views.js';
import { configOf, feedbackOf, passageOf, toStudentQuestion } from './question-views.js';
import { QuizzesService } from './quizzes.service.js';
import { checkedResponse } from './responses.js';
import { correctResponse, scoreFor } from './scoring.js';

/**
 * Preview as a student, for staff: the questions as an attempt shows them and answers scored as a
 * submission scores them, with the same pure functions, but nothing is written: no attempt, no
 * answer, so a preview never shows up in the statistics or the gradebook.
 */
@Injectable()
export class PreviewService {
  constructor(@Inject(QuizzesService) private readonly quizzes: QuizzesService) {}

  async questions(viewer: Viewer, quizId: string): Promise<QuizPreview> {
    const quiz = await this.quizzes.find(viewer, quizId);
    // A fresh seed each time: a shuffled quiz previews in one of the orders students may get.
    const seed = randomUUID();
    return {
      quizId: quiz.id,
      title: quiz.title,
      maxScore: quiz.questions.reduce((sum, q) => sum + q.points, 0),
      questions: questionsInOrder(quiz, seed).map((row) => toStudentQuestion(row, seed, quiz.shuffleOptions)),
    };
  }

  async check(viewer: Viewer, quizId: string, input: PreviewCheck): Promise<PreviewResult> {
    const quiz = await this.quizzes.find(viewer, quizId);
    const known = new Set(quiz.questions.map((q) => q.id));
    const stranger = Object.keys(input.responses).find((id) => !known.has(id));
    if (stranger)
      throw new AppError('ANSWER_INVALID', undefined, { [`responses.${stranger}`]: 'Not a question of this quiz.' });
    const questions = quiz.questions.map((row) => {
      const config = configOf(row);
      const given = input.responses[row.id];
      let response = given;
      if (given !== undefined) {
        try {
          response = checkedResponse(config, given);
        } catch (error) {
          // Named by question, so the page can point at the answer that does not fit.
          if (error instanceof AppError)
            throw new AppError('ANSWER_INVALID', undefined, {
              [`responses.${row.id}`]: error.fields?.response ?? error.message,
            });
          throw error;
        }
      }
      const outcome = scoreFor(config, row.points, response);
      const passage = passageOf(row);
      return {
        questionId: row.id,
        score: outcome.score,
        points: row.points,
        correct: outcome.correct,
        feedback: feedbackOf(row),
        correctResponse: correctResponse(config),
        passage,
        passageVersion: passage ? (row.readingVersion ?? null) : null,
      };
    });
    const score = Math.round(questions.reduce((sum, q) => sum + (q.score ?? 0), 0) * 1e6) / 1e6;
    return { score, maxScore: quiz.questions.reduce((sum, q) => sum + q.points, 0), questions };
  }
}
