import { Body, Controller, Delete, Get, Headers, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiBody,
  ApiHeader,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import {
  API_ROUTES,
  CASE_SESSION_HEADER,
  ConversationMessage,
  ConversationSession,
  conversationSessionRequestSchema,
  PersonConversation,
  sendMessageSchema,
} from '@sg/contracts/schemas';
import { Request, Response } from 'express';
import { timer } from 'rxjs';
import { z } from 'zod';
import { Public } from '../auth/auth.decorators';
import { CaseEventsService } from '../events/case-events.service';
import { serveLiveStream } from '../events/live-stream';
import { sseFrame } from '../events/sse-connection';
import { openApiBody } from '../http/openapi-schema';
import { RateLimit } from '../http/rate-limit';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { AccessSessionRow } from './case-access-session.repository';
import { ConversationService } from './conversation.service';
import { CaseSession, PersonSessionGuard } from './person-session.guard';
import { PersonSessionService } from './person-session.service';
import { conversationMessageSchema, conversationSessionSchema, personConversationSchema } from '@sg/contracts/schemas';
import { ApiAnswer, ApiFileAnswer } from '../http/openapi-schema';

/**
 * The person's side of the conversation, without an account: a session opened with the reference
 * and access code, then the thread, their messages and a live stream. Never cached.
 */
@ApiTags('conversation (public)')
@Controller(API_ROUTES.conversation)
@Public()
@ApiHeader({ name: CASE_SESSION_HEADER, required: false, description: 'The session from POST /conversation/session (every operation but that one)' })
@ApiUnauthorizedResponse({ description: 'No session, or it has ended (quick exit, 30 minutes unused, or 12 hours old): open the case again' })
export class PersonConversationController {
  constructor(
    private readonly sessions: PersonSessionService,
    private readonly conversation: ConversationService,
    private readonly events: CaseEventsService,
  ) {}

  @ApiOperation({ summary: 'Open a conversation session with your reference and access code' })
  @Post('session')
  @RateLimit('case-access')
  @ApiBody(openApiBody(conversationSessionRequestSchema))
  @ApiAnswer(201, conversationSessionSchema, 'A session token for the other operations, and when it ends unless used')
  @ApiNotFoundResponse({ description: 'No case with that reference and access code (which part is wrong is not said)' })
  @ApiTooManyRequestsResponse({ description: 'Too many attempts; see Retry-After' })
  open(
    @Body(new ZodValidationPipe(conversationSessionRequestSchema)) body: z.output<typeof conversationSessionRequestSchema>,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ConversationSession> {
    res.setHeader('Cache-Control', 'no-store');
    return this.sessions.open(body.reference, body.accessCode);
  }

  @ApiOperation({ summary: 'End your conversation session (quick exit)' })
  @Delete('session')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Ended, or already ended' })
  async end(@Headers(CASE_SESSION_HEADER.toLowerCase()) token: string | undefined): Promise<void> {
    if (token) await this.sessions.end(token);
  }

  @ApiOperation({ summary: "Read your conversation (marks the team's messages read)" })
  @Get()
  @UseGuards(PersonSessionGuard)
  @ApiAnswer(200, personConversationSchema, 'Every message, oldest first')
  read(@CaseSession() session: AccessSessionRow, @Res({ passthrough: true }) res: Response): Promise<PersonConversation> {
    res.setHeader('Cache-Control', 'no-store');
    return this.conversation.personThread(session.caseId);
  }

  @ApiOperation({ summary: 'Write to the team (a resend with the same clientMessageId is harmless)' })
  @Post('messages')
  @UseGuards(PersonSessionGuard)
  @ApiBody(openApiBody(sendMessageSchema))
  @ApiAnswer(201, conversationMessageSchema, 'The message as stored')
  send(
    @CaseSession() session: AccessSessionRow,
    @Body(new ZodValidationPipe(sendMessageSchema)) body: z.output<typeof sendMessageSchema>,
  ): Promise<ConversationMessage> {
    return this.conversation.personSend(session.caseId, body.clientMessageId, body.body);
  }

  /**
   * Server-sent events: `conversation.message` `{ from, at }` when either side writes in this
   * case's conversation (no words: the page re-reads the thread). Ends when the session would
   * expire; the page reconnects, which uses the session and so moves it on.
   */
  @ApiOperation({ summary: 'Live: new messages in your conversation (server-sent events)' })
  @Get('stream')
  @UseGuards(PersonSessionGuard)
  @ApiProduces('text/event-stream')
  @ApiFileAnswer('text/event-stream', 'text/event-stream of { type: "conversation.message", from, at }')
  stream(@CaseSession() session: AccessSessionRow, @Req() request: Request, @Res() response: Response): void {
    const expires$ = timer(Math.max(0, new Date(session.expiresAt).getTime() - Date.now()));
    serveLiveStream(
      this.events,
      request,
      response,
      (event) =>
        event.type === 'conversation.message' && event.caseId === session.caseId
          ? sseFrame(event.type, { type: event.type, from: event.from, at: event.at })
          : null,
      expires$,
    );
  }
}
