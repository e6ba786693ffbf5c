import { Controller, Get, Header, NotFoundException, Param, ParseUUIDPipe, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiNotFoundResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import { API_ROUTES, clusterReferralPacketQuerySchema } from '@sg/contracts/schemas';
import { z } from 'zod';
import { CurrentStaff, Roles } from '../auth/auth.decorators';
import { StaffPrincipal } from '../auth/staff-principal';
import { ApiFileAnswer, ApiQueryFrom } from '../http/openapi-schema';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { ClusterReferralPacketService } from './cluster-referral-packet.service';
import { renderClusterReferralPacket } from './render-packet';

const clusterKey = new ParseUUIDPipe({ exceptionFactory: () => new NotFoundException('No cluster by that key') });

/** The referral packet from a cluster: every case holding one identifier, in one PDF. */
@ApiTags('supervision')
@ApiBearerAuth()
@Controller(API_ROUTES.clusters)
@Roles('supervisor', 'admin')
@ApiForbiddenResponse({ description: 'Signed in, but not a supervisor or admin' })
export class ClusterReferralPacketController {
  constructor(private readonly packets: ClusterReferralPacketService) {}

  @ApiOperation({ summary: 'Download a referral packet for a cluster (PDF, audited; never contact details)' })
  @Get(':key/referral-packet')
  @ApiParam({ name: 'key', description: 'The cluster key the list gave' })
  @ApiQueryFrom(clusterReferralPacketQuerySchema)
  @ApiProduces('application/pdf')
  @Header('Cache-Control', 'no-store')
  @ApiFileAnswer('application/pdf', 'The PDF as an attachment; who generated it, for whom, the cluster and its cases are audited (never the content)')
  @ApiNotFoundResponse({ description: 'No cluster by that key (its cases changed since the list was read)' })
  async packet(
    @Param('key', clusterKey) key: string,
    @Query(new ZodValidationPipe(clusterReferralPacketQuerySchema)) query: z.output<typeof clusterReferralPacketQuerySchema>,
    @CurrentStaff() staff: StaffPrincipal,
  ): Promise<StreamableFile> {
    const content = await this.packets.prepare(staff, key, query.recipient);
    // The key is a UUID (checked above): its first group names the file without naming the identifier.
    const fileName = `referral-packet-cluster-${key.slice(0, 8)}-${query.recipient}.pdf`;
    return new StreamableFile(renderClusterReferralPacket(content), { type: 'application/pdf', disposition: `attachment; filename="${fileName}"` });
  }
}
