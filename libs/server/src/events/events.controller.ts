import { Controller, MessageEvent, Sse } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { API_ROUTES } from '@sg/contracts';
import { interval, map, merge, Observable } from 'rxjs';
import { Roles } from '../auth/auth.decorators';
import { CaseEventsService } from './case-events.service';

/** Keeps proxies and browsers from closing an idle stream. */
const KEEPALIVE_MS = 20_000;

@ApiTags('events')
@ApiBearerAuth()
@Controller(API_ROUTES.events)
export class EventsController {
  constructor(private readonly events: CaseEventsService) {}

  /** Server-sent events: `case.created`, `case.claimed`, `case.assigned`, `case.updated`. */
  @Sse()
  @Roles('caseworker', 'supervisor', 'admin')
  @ApiOkResponse({ description: 'text/event-stream of CaseChangeEvent; carries no personal details' })
  stream(): Observable<MessageEvent> {
    return merge(
      this.events.changes$.pipe(map((event): MessageEvent => ({ type: event.type, data: event }))),
      interval(KEEPALIVE_MS).pipe(map((): MessageEvent => ({ type: 'keepalive', data: '' }))),
    );
  }
}
