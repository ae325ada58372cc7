import { Controller, Inject, Injectable, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { ParamsOf, ReadingVersion } from '@commonplace/contracts';
import { PrismaClient } from '@commonplace/db';
import { AppError } from '../common/app-error.js';
import { Membership, PathParams, Route } from '../common/route.decorator.js';
import type { CourseMembership } from '../common/request-auth.js';
import { asDownload } from './content-disposition.js';
import { ReadingsService } from './readings.service.js';

/** A reading's saved versions, each with the original it was imported from, for staff. */
@Injectable()
export class ReadingVersionsService {
  constructor(
    @Inject(PrismaClient) private readonly prisma: PrismaClient,
    @Inject(ReadingsService) private readonly readings: ReadingsService,
  ) {}

  async list(viewer: CourseMembership, readingId: string): Promise<ReadingVersion[]> {
    await this.readings.visible(viewer, readingId);
    const rows = await this.prisma.readingVersion.findMany({
      where: { readingId },
      orderBy: { version: 'desc' },
      select: {
        version: true,
        contentHash: true,
        createdById: true,
        createdAt: true,
        file: { select: { filename: true, mediaType: true, byteSize: true } },
      },
    });
    // Versions keep their author's id even after the account is gone, so names are looked up.
    const people = await this.prisma.user.findMany({
      where: { id: { in: [...new Set(rows.map((r) => r.createdById))] } },
      select: { id: true, name: true },
    });
    const names = new Map(people.map((p) => [p.id, p.name]));
    return rows.map((row, i) => ({
      version: row.version,
      current: i === 0,
      ...row.file,
      contentHash: row.contentHash,
      createdBy: names.get(row.createdById) ?? null,
      createdAt: row.createdAt.toISOString(),
    }));
  }

  async original(viewer: CourseMembership, readingId: string, version: number) {
    await this.readings.visible(viewer, readingId);
    const row = await this.prisma.readingVersion.findUnique({
      where: { readingId_version: { readingId, version } },
      select: { file: { select: { filename: true, mediaType: true, data: true } } },
    });
    if (!row) throw new AppError('VERSION_NOT_FOUND');
    return row.file;
  }
}

@Controller()
export class ReadingVersionsController {
  constructor(@Inject(ReadingVersionsService) private readonly versions: ReadingVersionsService) {}

  @Route('listReadingVersions')
  list(@Membership() viewer: CourseMembership, @PathParams() { readingId }: ParamsOf<'listReadingVersions'>) {
    return this.versions.list(viewer, readingId);
  }

  /** The version's original bytes, as a download. */
  @Route('downloadVersionOriginal')
  async download(
    @Membership() viewer: CourseMembership,
    @PathParams() { readingId, version }: ParamsOf<'downloadVersionOriginal'>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const file = await this.versions.original(viewer, readingId, version);
    return asDownload(reply, file);
  }
}
