import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ApiFileAnswer } from '../http/openapi-schema';
import type { Request, Response } from 'express';
import { API_ROUTES, CaseChangeEvent, CaseChangeSignal, ConversationMessageEvent, LiveMessage, NotificationEvent } from '@sg/contracts';
import { StaffRole } from '@sg/domain';
import { concatMap, EMPTY, filter, from, interval, take, tap, timer } from 'rxjs';
import { AccessTokenExpiry, AccessTokenSignIn, CurrentStaff, Roles } from '../auth/auth.decorators';
import { StaffPrincipal } from '../auth/staff-principal';
import { StaffSessionCache } from '../auth/staff-session.cache';
import { StaffStatusCache } from '../auth/staff-status.cache';
import { CaseEventsService } from './case-events.service';
import { serveLiveStream } from './live-stream';
import { sseFrame } from './sse-connection';
/** How often an open stream re-checks that its account is still active (and its role). */
export const ACCOUNT_RECHECK_MS = 5_000;

/**
 * What one caller may learn from a change: the whole event for a case they may open (it is
 * unassigned, theirs, or they see everything, as assertMayWorkCase decides), otherwise only that
 * the case changed. Notifications go to their recipient only.
 */
export function viewOf(message: LiveMessage, staff: { id: string; role: StaffRole }): 'whole' | 'signal' | null {
  if (message.type === 'notification.created' || message.type === 'notification.changed') return message.recipientId === staff.id ? 'whole' : null;
  const mayOpen = staff.role === 'supervisor' || staff.role === 'admin' || message.assigneeId === null || message.assigneeId === staff.id;
  return mayOpen ? 'whole' : 'signal';
}

/** The event one caller is sent for a change (see viewOf), or null when they are sent nothing. */
export function eventFor(
  message: LiveMessage,
  staff: { id: string; role: StaffRole },
): CaseChangeEvent | ConversationMessageEvent | CaseChangeSignal | NotificationEvent | null {
  const view = viewOf(message, staff);
  if (view === null) return null;
  return view === 'whole' || message.type === 'notification.created' || message.type === 'notification.changed'
    ? message
    : { type: message.type, caseId: message.caseId, at: message.at };
}

/**
 * Each change's frames, serialised once however many streams send them: the whole event (the
 * same string for every caller who may open the case) and the bare signal for the others. Streams
 * that gathered the same strings then share the bytes too (SharedChunks).
 */
const wholeFrames = new WeakMap<LiveMessage, string>();
const signalFrames = new WeakMap<LiveMessage, string>();

export function liveFrameFor(message: LiveMessage, staff: { id: string; role: StaffRole }): string | null {
  const view = viewOf(message, staff);
  if (view === null) return null;
  const frames = view === 'whole' ? wholeFrames : signalFrames;
  let frame = frames.get(message);
  if (frame === undefined) {
    const event = eventFor(message, staff);
    frame = sseFrame(message.type, event);
    frames.set(message, frame);
  }
  return frame;
}

@ApiTags('events')
@ApiBearerAuth()
@Controller(API_ROUTES.events)
export class EventsController {
  constructor(
    private readonly events: CaseEventsService,
    private readonly statusCache: StaffStatusCache,
    private readonly sessionCache: StaffSessionCache,
  ) {}

  /**
   * Server-sent events: `case.created`, `case.claimed`, `case.assigned`, `case.updated`, and
   * `notification.created` / `notification.changed` for the caller's own notifications. The stream ends when the access
   * token expires (the dashboard reconnects with a fresh one) or within seconds of the account
   * being deactivated or the sign-in ending (signed out); a role change applies to the next event.
   */
  @ApiOperation({ summary: 'Live case changes (server-sent events)' })
  @Get()
  @Roles('caseworker', 'supervisor', 'admin')
  @ApiProduces('text/event-stream')
  @ApiFileAnswer(
    'text/event-stream',
    'text/event-stream of CaseChangeEvent (or only { type, caseId, at } for cases the caller may not open); no personal details',
  )
  stream(
    @CurrentStaff() staff: StaffPrincipal,
    @AccessTokenExpiry() expiresAt: number | undefined,
    @AccessTokenSignIn() signIn: string | undefined,
    @Req() request: Request,
    @Res() response: Response,
  ): void {
    const caller = { id: staff.id, role: staff.role };
    // The account as it is now, re-read every few seconds (a cached read): a role change applies
    // to the next event; a deactivated (or removed) account's stream ends, and so does a signed-out
    // sign-in's. A failed read keeps going.
    const accountEnded$ = interval(ACCOUNT_RECHECK_MS).pipe(
      concatMap(() =>
        from(
          Promise.all([
            this.statusCache.status(staff.id).catch(() => undefined),
            signIn === undefined ? true : this.sessionCache.live(signIn).catch(() => true),
          ]),
        ),
      ),
      tap(([status]) => {
        if (status?.active) caller.role = status.role;
      }),
      filter(([status, live]) => status === null || status?.active === false || !live),
      take(1),
    );
    const tokenExpired$ = expiresAt === undefined ? EMPTY : timer(Math.max(0, expiresAt - Date.now()));

    // The frame is the one string every caller with the same view of the change shares (liveFrameFor).
    serveLiveStream(this.events, request, response, (message) => liveFrameFor(message, caller), tokenExpired$, accountEnded$);
  }
}
