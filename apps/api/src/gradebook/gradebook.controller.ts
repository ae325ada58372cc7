import { Controller, Inject, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { Viewer } from '../access/policies.js';
import { Membership, Route } from '../common/route.decorator.js';
import { download } from '../readings/content-disposition.js';
import { gradebookCsv } from './gradebook-csv.js';
import { GradebookService } from './gradebook.service.js';

@Controller()
export class GradebookController {
  constructor(@Inject(GradebookService) private readonly gradebook: GradebookService) {}

  @Route('gradebook')
  all(@Membership() viewer: Viewer) {
    return this.gradebook.forStaff(viewer);
  }

  @Route('gradebookCsv')
  async csv(@Membership() viewer: Viewer, @Res({ passthrough: true }) reply: FastifyReply) {
    const book = await this.gradebook.forStaff(viewer);
    download(reply, 'text/csv; charset=utf-8', 'gradebook.csv');
    return gradebookCsv(book);
  }

  @Route('myGrades')
  mine(@Membership() viewer: Viewer) {
    return this.gradebook.mine(viewer);
  }
}
