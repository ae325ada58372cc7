import { Controller, Inject, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { BodyOf, ParamsOf } from '@commonplace/contracts';
import type { Viewer } from '../access/policies.js';
import { Input, Membership, PathParams, Route } from '../common/route.decorator.js';
import { WikiService } from './wiki.service.js';
import { wikiZip } from './wiki-zip.js';

@Controller()
export class WikiController {
  constructor(@Inject(WikiService) private readonly wiki: WikiService) {}

  @Route('createWikiPage')
  create(@Membership() viewer: Viewer, @Input() input: BodyOf<'createWikiPage'>) {
    return this.wiki.create(viewer, input);
  }

  @Route('listWikiPages')
  list(@Membership() viewer: Viewer) {
    return this.wiki.list(viewer);
  }

  @Route('updateWikiPage')
  update(
    @Membership() viewer: Viewer,
    @PathParams() { pageId }: ParamsOf<'updateWikiPage'>,
    @Input() input: BodyOf<'updateWikiPage'>,
  ) {
    return this.wiki.update(viewer, pageId, input);
  }

  @Route('deleteWikiPage')
  delete(@Membership() viewer: Viewer, @PathParams() { pageId }: ParamsOf<'deleteWikiPage'>) {
    return this.wiki.delete(viewer, pageId);
  }

  @Route('restoreWikiPage')
  restore(@Membership() viewer: Viewer, @PathParams() { pageId }: ParamsOf<'restoreWikiPage'>) {
    return this.wiki.restore(viewer, pageId);
  }

  @Route('wikiBacklinks')
  backlinks(@Membership() viewer: Viewer, @PathParams() { pageId }: ParamsOf<'wikiBacklinks'>) {
    return this.wiki.backlinks(viewer, pageId);
  }

  @Route('wikiWantedPages')
  wanted(@Membership() viewer: Viewer) {
    return this.wiki.wanted(viewer);
  }

  @Route('wikiPageMarkdown')
  async markdown(
    @Membership() viewer: Viewer,
    @PathParams() { pageId }: ParamsOf<'wikiPageMarkdown'>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const markdown = await this.wiki.markdown(viewer, pageId);
    void reply.header('content-type', 'text/markdown; charset=utf-8').header('cache-control', 'private, no-store');
    return markdown;
  }

  @Route('exportWiki')
  async export(@Membership() viewer: Viewer, @Res({ passthrough: true }) reply: FastifyReply) {
    const zip = wikiZip(await this.wiki.allAsMarkdown(viewer));
    void reply
      .header('content-type', 'application/zip')
      .header('content-disposition', 'attachment; filename="wiki.zip"')
      .header('cache-control', 'private, no-store');
    return Buffer.from(zip);
  }
}
