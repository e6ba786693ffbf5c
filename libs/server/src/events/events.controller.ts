import { Controller, MessageEvent, Sse } from '@nestjs/common';
import { ApiOperation, ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { API_ROUTES, CaseChangeEvent, CaseChangeSignal, ConversationMessageEvent, LiveMessage, NotificationEvent } from '@sg/contracts';
import { StaffRole } from '@sg/domain';
import { concatMap, EMPTY, filter, from, interval, map, merge, Observable, of, take, takeUntil, tap, timer } from 'rxjs';
import { AccessTokenExpiry, CurrentStaff, Roles } from '../auth/auth.decorators';
import { StaffPrincipal } from '../auth/staff-principal';
import { StaffStatusCache } from '../auth/staff-status.cache';
import { CaseEventsService } from './case-events.service';

/** Keeps proxies and browsers from closing an idle stream. */
const KEEPALIVE_MS = 20_000;
/** How often an open stream re-checks that its account is still active (and its role). */
export const ACCOUNT_RECHECK_MS = 5_000;


/**
 * What one caller may learn from a change: the whole event for a case they may open (it is
 * unassigned, theirs, or they see everything, as assertMayWorkCase decides), otherwise only that
 * the case changed. Notifications go to their recipient only.
 */
export function eventFor(
  message: LiveMessage,
  staff: { id: string; role: StaffRole },
): CaseChangeEvent | ConversationMessageEvent | CaseChangeSignal | NotificationEvent | null {
  if (message.type === 'notification.created' || message.type === 'notification.changed') return message.recipientId === staff.id ? message : null;
  const mayOpen = staff.role === 'supervisor' || staff.role === 'admin' || message.assigneeId === null || message.assigneeId === staff.id;
  return mayOpen ? message : { type: message.type, caseId: message.caseId, at: message.at };
}

@ApiTags('events')
@ApiBearerAuth()
@Controller(API_ROUTES.events)
export class EventsController {
  constructor(
    private readonly events: CaseEventsService,
    private readonly statusCache: StaffStatusCache,
  ) {}

  /**
   * Server-sent events: `case.created`, `case.claimed`, `case.assigned`, `case.updated`, and
   * `notification.created` / `notification.changed` for the caller's own notifications. The stream ends when the access
   * token expires (the dashboard reconnects with a fresh one) or within seconds of the account
   * being deactivated; a role change applies to the next event.
   */
  @ApiOperation({ summary: 'Live case changes (server-sent events)' })
  @Sse()
  @Roles('caseworker', 'supervisor', 'admin')
  @ApiOkResponse({ description: 'text/event-stream of CaseChangeEvent (or only { type, caseId, at } for cases the caller may not open); no personal details' })
  stream(@CurrentStaff() staff: StaffPrincipal, @AccessTokenExpiry() expiresAt: number | undefined): Observable<MessageEvent> {
    const caller = { id: staff.id, role: staff.role };
    // The account as it is now, re-read every few seconds (a cached read): a role change applies
    // to the next event; a deactivated (or removed) account's stream ends. A failed read keeps going.
    const accountEnded$ = interval(ACCOUNT_RECHECK_MS).pipe(
      concatMap(() => from(this.statusCache.status(staff.id).catch(() => undefined))),
      tap((status) => {
        if (status?.active) caller.role = status.role;
      }),
      filter((status) => status === null || status?.active === false),
      take(1),
    );
    const tokenExpired$ = expiresAt === undefined ? EMPTY : timer(Math.max(0, expiresAt - Date.now()));

    return merge(
      this.events.changes$.pipe(
        concatMap((message) => {
          const event = eventFor(message, caller);
          return event ? of<MessageEvent>({ type: event.type, data: event }) : EMPTY;
        }),
      ),
      interval(KEEPALIVE_MS).pipe(map((): MessageEvent => ({ type: 'keepalive', data: '' }))),
    ).pipe(takeUntil(merge(tokenExpired$, accountEnded$)));
  }
}
