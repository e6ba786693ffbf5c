import type { LiveMessage } from '@sg/contracts';
import type { Request, Response } from 'express';
import { merge, Observable, take } from 'rxjs';
import { CaseEventsService } from './case-events.service';
import { KEEPALIVE_FRAME, KEEPALIVE_MS, SseConnection } from './sse-connection';

/**
 * Serves one live stream (the staff dashboard's, the person's conversation): every change
 * `frameFor` turns into a frame is sent, a keepalive every KEEPALIVE_MS, and the stream ends at the
 * first of `endings` or when the server stops. When the client goes, all of it stops.
 */
export function serveLiveStream(
  events: CaseEventsService,
  request: Request,
  response: Response,
  frameFor: (message: LiveMessage) => string | null,
  ...endings: Array<Observable<unknown>>
): void {
  const connection = new SseConnection(request, response);
  // Each change reaches the stream by a plain call (see CaseEventsService.listen).
  const stopListening = events.listen((message) => {
    const frame = frameFor(message);
    if (frame !== null) connection.send(frame);
  });
  const keepalive = setInterval(() => connection.send(KEEPALIVE_FRAME), KEEPALIVE_MS);
  const ending = merge(...endings, events.stopping$)
    .pipe(take(1))
    .subscribe(() => connection.end());
  connection.onClose(() => {
    stopListening();
    clearInterval(keepalive);
    ending.unsubscribe();
  });
}
