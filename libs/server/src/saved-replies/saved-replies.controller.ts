import { Body, Controller, ForbiddenException, Get, NotFoundException, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { API_ROUTES, SavedReply, savedReplyChangeSchema, savedReplyInputSchema, savedReplyListQuerySchema } from '@sg/contracts/schemas';
import { z } from 'zod';
import { CurrentStaff, Roles } from '../auth/auth.decorators';
import { StaffPrincipal } from '../auth/staff-principal';
import { openApiBody } from '../http/openapi-schema';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { ApiQueryFrom } from '../http/openapi-schema';
import { SavedRepliesService } from './saved-replies.service';
import { savedReplyListSchema, savedReplySchema } from '@sg/contracts/schemas';
import { ApiAnswer } from '../http/openapi-schema';

const id = new ParseUUIDPipe({ exceptionFactory: () => new NotFoundException('No saved reply with that id') });

@ApiTags('saved replies')
@ApiBearerAuth()
@Controller(API_ROUTES.savedReplies)
export class SavedRepliesController {
  constructor(private readonly replies: SavedRepliesService) {}

  @ApiOperation({ summary: 'List saved replies (active ones; admins may ask for all)' })
  @Get()
  @Roles('caseworker', 'supervisor', 'admin')
  @ApiAnswer(200, savedReplyListSchema, 'Saved replies by title')
  @ApiQueryFrom(savedReplyListQuerySchema)
  list(
    @Query(new ZodValidationPipe(savedReplyListQuerySchema)) query: z.output<typeof savedReplyListQuerySchema>,
    @CurrentStaff() staff: StaffPrincipal,
  ): Promise<SavedReply[]> {
    if (query.all && staff.role !== 'admin') throw new ForbiddenException('Only admins see inactive saved replies');
    return this.replies.list(query.all);
  }

  @ApiOperation({ summary: 'Add a saved reply (audited)' })
  @Post()
  @Roles('admin')
  @ApiBody(openApiBody(savedReplyInputSchema))
  @ApiAnswer(201, savedReplySchema, 'The saved reply')
  create(
    @Body(new ZodValidationPipe(savedReplyInputSchema)) body: z.output<typeof savedReplyInputSchema>,
    @CurrentStaff() staff: StaffPrincipal,
  ): Promise<SavedReply> {
    return this.replies.create(staff, body);
  }

  @ApiOperation({ summary: 'Change or retire a saved reply (audited)' })
  @Patch(':id')
  @Roles('admin')
  @ApiBody(openApiBody(savedReplyChangeSchema))
  @ApiAnswer(200, savedReplySchema, 'The saved reply as changed')
  update(
    @Param('id', id) replyId: string,
    @Body(new ZodValidationPipe(savedReplyChangeSchema)) body: z.output<typeof savedReplyChangeSchema>,
    @CurrentStaff() staff: StaffPrincipal,
  ): Promise<SavedReply> {
    return this.replies.update(staff, replyId, body);
  }
}
