import { Body, Controller, Get, HttpCode, NotFoundException, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConflictResponse, ApiForbiddenResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { API_ROUTES, ConversationMessage, recordContactSchema, sendMessageSchema, StaffConversation } from '@sg/contracts/schemas';
import { z } from 'zod';
import { AuditDeniedCaseReads } from '../case-core/denied-case-read.interceptor';
import { CurrentStaff, Roles } from '../auth/auth.decorators';
import { StaffPrincipal } from '../auth/staff-principal';
import { openApiBody } from '../http/openapi-schema';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { ConversationService } from './conversation.service';
import { conversationMessageSchema, staffConversationSchema, UnreadCount, unreadCountSchema } from '@sg/contracts/schemas';
import { ApiAnswer } from '../http/openapi-schema';

const id = new ParseUUIDPipe({ exceptionFactory: () => new NotFoundException('No case with that id') });

/** The case page's Conversation tab. */
@ApiTags('conversation')
@ApiBearerAuth()
@Controller(API_ROUTES.cases)
@Roles('caseworker', 'supervisor', 'admin')
@ApiForbiddenResponse({ description: 'Signed in, but not allowed (a case held by someone else; writing needs the case claimed)' })
export class StaffConversationController {
  constructor(private readonly conversation: ConversationService) {}

  @ApiOperation({ summary: "Read a case's conversation with the person (audited; marks it read for you)" })
  @Get(':id/conversation')
  @AuditDeniedCaseReads()
  @ApiAnswer(200, staffConversationSchema, "Every message, oldest first, and how many of the person's you had not read")
  read(@Param('id', id) caseId: string, @CurrentStaff() staff: StaffPrincipal): Promise<StaffConversation> {
    return this.conversation.staffThread(staff, caseId);
  }

  @ApiOperation({ summary: "How many of the person's messages you have not read (not an audited read: no words)" })
  @Get(':id/conversation/unread')
  @AuditDeniedCaseReads()
  @ApiAnswer(200, unreadCountSchema, '{ unread }')
  unread(@Param('id', id) caseId: string, @CurrentStaff() staff: StaffPrincipal): Promise<UnreadCount> {
    return this.conversation.staffUnread(staff, caseId);
  }

  @ApiOperation({ summary: 'Write to the person (a resend with the same clientMessageId is harmless)' })
  @Post(':id/conversation/messages')
  @ApiBody(openApiBody(sendMessageSchema))
  @ApiAnswer(201, conversationMessageSchema, 'The message as stored')
  @ApiConflictResponse({ description: 'The case is closed, or the clientMessageId belongs to another message' })
  send(
    @Param('id', id) caseId: string,
    @Body(new ZodValidationPipe(sendMessageSchema)) body: z.output<typeof sendMessageSchema>,
    @CurrentStaff() staff: StaffPrincipal,
  ): Promise<ConversationMessage> {
    return this.conversation.staffSend(staff, caseId, body.clientMessageId, body.body);
  }

  @ApiOperation({ summary: 'Record a contact made outside the product (phone, e-mail, chat): it counts as first contact' })
  @Post(':id/contacts')
  @HttpCode(200)
  @ApiBody(openApiBody(recordContactSchema))
  @ApiAnswer(200, staffConversationSchema, 'The conversation, with the first contact as it now stands')
  recordContact(
    @Param('id', id) caseId: string,
    @Body(new ZodValidationPipe(recordContactSchema)) body: z.output<typeof recordContactSchema>,
    @CurrentStaff() staff: StaffPrincipal,
  ): Promise<StaffConversation> {
    return this.conversation.recordContact(staff, caseId, body.channel, body.at ? new Date(body.at) : new Date());
  }
}
