import { Module } from '@nestjs/common';
import { QuizSuggestionsController } from './quiz-suggestions.controller.js';
import { QuizSuggestionsService } from './quiz-suggestions.service.js';

/** Questions suggested from the readings' sentences of fact, for staff to add to a quiz. */
@Module({
  controllers: [QuizSuggestionsController],
  providers: [QuizSuggestionsService],
})
export class QuizSuggestionsModule {}
