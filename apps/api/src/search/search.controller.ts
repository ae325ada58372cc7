import { Controller, Inject } from '@nestjs/common';
import type { QueryOf } from '@commonplace/contracts';
import { Membership, QueryInput, Route } from '../common/route.decorator.js';
import type { Viewer } from '../access/policies.js';
import { SearchService } from './search.service.js';

@Controller()
export class SearchController {
  constructor(@Inject(SearchService) private readonly searchService: SearchService) {}

  @Route('search')
  search(@Membership() viewer: Viewer, @QueryInput() query: QueryOf<'search'>) {
    return this.searchService.search(viewer, query.q);
  }
}
