import { Controller, Inject } from '@nestjs/common';
import type { ParamsOf, VersionCreate } from '@commonplace/contracts';
import type { Viewer } from '../access/policies.js';
import { Input, Membership, PathParams, Route } from '../common/route.decorator.js';
import { HistoryService } from './history.service.js';

@Controller()
export class HistoryController {
  constructor(@Inject(HistoryService) private readonly history: HistoryService) {}

  @Route('listDocumentVersions')
  list(@Membership() viewer: Viewer, @PathParams() params: ParamsOf<'listDocumentVersions'>) {
    return this.history.list(viewer, params.documentId);
  }

  @Route('createDocumentVersion')
  create(
    @Membership() viewer: Viewer,
    @PathParams() params: ParamsOf<'createDocumentVersion'>,
    @Input() input: VersionCreate,
  ) {
    return this.history.name(viewer, params.documentId, input.name);
  }

  @Route('getDocumentVersion')
  get(@Membership() viewer: Viewer, @PathParams() params: ParamsOf<'getDocumentVersion'>) {
    return this.history.compare(viewer, params.documentId, params.versionNumber);
  }

  @Route('restoreDocumentVersion')
  restore(@Membership() viewer: Viewer, @PathParams() params: ParamsOf<'restoreDocumentVersion'>) {
    return this.history.restore(viewer, params.documentId, params.versionNumber);
  }
}
