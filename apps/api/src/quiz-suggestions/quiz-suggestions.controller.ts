import { Controller, Inject } from '@nestjs/common';
import type { ParamsOf, QueryOf } from '@commonplace/contracts';
import type { Viewer } from '../access/policies.js';
import { Membership, PathParams, QueryInput, Route } from '../common/route.decorator.js';
import { QuizSuggestionsService } from './quiz-suggestions.service.js';

@Controller()
export class QuizSuggestionsController {
  constructor(@Inject(QuizSuggestionsService) private readonly suggestions: QuizSuggestionsService) {}

  @Route('listQuizSuggestions')
  list(
    @Membership() viewer: Viewer,
    @PathParams() params: ParamsOf<'listQuizSuggestions'>,
    @QueryInput() query: QueryOf<'listQuizSuggestions'>,
  ) {
    return this.suggestions.list(viewer, params.readingId, query);
  }
}
