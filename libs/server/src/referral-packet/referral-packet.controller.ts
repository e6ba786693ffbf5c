import { Controller, Get, Header, NotFoundException, Param, ParseUUIDPipe, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiForbiddenResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { API_ROUTES, referralPacketQuerySchema } from '@sg/contracts/schemas';
import { z } from 'zod';
import { AuditDeniedCaseReads } from '../case-core/denied-case-read.interceptor';
import { CurrentStaff, Roles } from '../auth/auth.decorators';
import { StaffPrincipal } from '../auth/staff-principal';
import { ApiQueryFrom, ApiFileAnswer } from '../http/openapi-schema';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { ReferralPacketService } from './referral-packet.service';
import { renderReferralPacket } from './render-packet';

const id = new ParseUUIDPipe({ exceptionFactory: () => new NotFoundException('No case with that id') });

/** The referral packet: a case as a PDF for the police, the CyberTipline or a platform. */
@ApiTags('cases')
@ApiBearerAuth()
@Controller(API_ROUTES.cases)
@Roles('caseworker', 'supervisor', 'admin')
@ApiForbiddenResponse({ description: 'Signed in, but not allowed to open this case (or, for contact details, not working it)' })
export class ReferralPacketController {
  constructor(private readonly packets: ReferralPacketService) {}

  @ApiOperation({ summary: 'Download a referral packet for a case (PDF, audited)' })
  @Get(':id/referral-packet')
  @AuditDeniedCaseReads()
  @ApiQueryFrom(referralPacketQuerySchema)
  @ApiProduces('application/pdf')
  @Header('Cache-Control', 'no-store')
  @ApiFileAnswer('application/pdf', 'The PDF as an attachment; who generated it, for whom and whether contact details went in are audited (never the content)')
  @ApiConflictResponse({ description: 'Contact details asked for, but the person did not agree to be contacted or left none' })
  async packet(
    @Param('id', id) caseId: string,
    @Query(new ZodValidationPipe(referralPacketQuerySchema)) query: z.output<typeof referralPacketQuerySchema>,
    @CurrentStaff() staff: StaffPrincipal,
  ): Promise<StreamableFile> {
    const content = await this.packets.prepare(staff, caseId, query.recipient, query.includeContact);
    // The reference is letters, digits and dashes: safe in a quoted file name as it is.
    const fileName = `referral-packet-${content.case.reference.replace(/[^A-Za-z0-9-]/g, '')}-${query.recipient}.pdf`;
    return new StreamableFile(renderReferralPacket(content), { type: 'application/pdf', disposition: `attachment; filename="${fileName}"` });
  }
}
