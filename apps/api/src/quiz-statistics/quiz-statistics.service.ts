import { Inject, Injectable } from '@nestjs/common';
import type { QuestionStatistics, QuizStatistics, StatisticsAttempts } from '@commonplace/contracts';
import { PrismaClient } from '@commonplace/db';
import type { Viewer } from '../access/policies.js';
import { configOf, passageOf } from '../quizzes/question-views.js';
import { choiceCounts, choicesOf } from './choice-counts.js';
import { itemStatistics, testStatistics } from './item-analysis.js';
import { QuizzesService } from '../quizzes/quizzes.service.js';
import { quizScores } from './quiz-scores.js';

/** A quiz's item analysis, computed on request from the attempts (a class's worth is small). */
@Injectable()
export class QuizStatisticsService {
  constructor(
    @Inject(PrismaClient) private readonly prisma: PrismaClient,
    @Inject(QuizzesService) private readonly quizzes: QuizzesService,
  ) {}

  async statistics(viewer: Viewer, quizId: string, which: StatisticsAttempts): Promise<QuizStatistics> {
    const quiz = await this.quizzes.find(viewer, quizId);
    const scores = await quizScores(this.prisma, quiz, which);
    const rows = scores.attempts.map((attempt) => attempt.scores);
    const points = quiz.questions.map((q) => q.points);
    const questions = quiz.questions.map((question, index): QuestionStatistics => {
      const config = configOf(question);
      const choices = choicesOf(config);
      const responses = scores.attempts.map((attempt) => attempt.responses[index]);
      return {
        questionId: question.id,
        position: question.position,
        type: config.type,
        prompt: question.prompt,
        points: question.points,
        attempts: rows.length,
        unanswered: responses.filter((response) => response === undefined).length,
        ...itemStatistics(rows, points, index),
        options:
          choices &&
          choiceCounts(
            choices,
            responses.filter((r) => r !== undefined),
            rows.length,
          ),
        passage: passageOf(question),
      };
    });
    return {
      quizId: quiz.id,
      title: quiz.title,
      gradingMethod: scores.method,
      attemptsCounted: which,
      summary: {
        attempts: rows.length,
        students: scores.students,
        maxScore: points.reduce((a, b) => a + b, 0),
        awaitingGrading: scores.awaitingGrading,
        ...testStatistics(rows.map((row) => row.reduce((a, b) => a + b, 0))),
      },
      questions,
    };
  }
}
