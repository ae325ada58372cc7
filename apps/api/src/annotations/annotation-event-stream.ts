import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { AnnotationEvent, NotesChangedEvent, ReadingVersionEvent } from '@commonplace/contracts';
import type { Viewer } from '../access/policies.js';
import { AnnotationLive } from './annotation-live.js';
import { toAnnotationViewer } from './annotation-rows.js';
import { AnnotationsService } from './annotations.service.js';

/** Proxies and browsers drop a connection that stays silent for about a minute. */
const HEARTBEAT_MS = 25_000;

/**
 * The live channel as server-sent events: `event: annotation` with an `annotationEvent` as data,
 * `event: reading-version` with a `readingVersionEvent` when a new version is saved, and
 * `event: notes` with a `notesChangedEvent` when a note the viewer may read changed.
 * The reading is checked (and the viewer's current view taken) before the stream starts, so a
 * refusal is an ordinary JSON error; then the answer is the stream, until the client goes.
 */
@Injectable()
export class AnnotationEventStream {
  constructor(
    @Inject(AnnotationsService) private readonly annotations: AnnotationsService,
    @Inject(AnnotationLive) private readonly live: AnnotationLive,
  ) {}

  async open(viewer: Viewer, readingId: string, reply: FastifyReply): Promise<void> {
    const shown = await this.annotations.shownIds(viewer, readingId);
    reply.hijack();
    const out = reply.raw;
    out.writeHead(200, {
      // The headers the app's hooks set (security headers) come along.
      ...(reply.getHeaders() as Record<string, string>),
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      // Asks nginx-like proxies not to buffer the stream.
      'x-accel-buffering': 'no',
    });
    out.write(': connected\n\n');
    const heartbeat = setInterval(() => out.write(': heartbeat\n\n'), HEARTBEAT_MS);
    heartbeat.unref();
    const stop = this.live.subscribe({
      courseId: viewer.courseId,
      readingId,
      viewer: toAnnotationViewer(viewer),
      shown,
      send: (event: AnnotationEvent) => out.write(`event: annotation\ndata: ${JSON.stringify(event)}\n\n`),
      newVersion: (event: ReadingVersionEvent) =>
        out.write(`event: reading-version\ndata: ${JSON.stringify(event)}\n\n`),
      notesChanged: (event: NotesChangedEvent) => out.write(`event: notes\ndata: ${JSON.stringify(event)}\n\n`),
      close: () => out.end(),
    });
    // The answer closes when the client goes (or the server ends it).
    out.on('close', () => {
      clearInterval(heartbeat);
      stop();
    });
  }
}
