import { Body, Controller, ForbiddenException, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiBearerAuth, ApiBody, ApiQuery, ApiTags } from '@nestjs/swagger';
import { API_ROUTES, ParsedResourceEntryWrite, ResourceDirectoryEntry, resourceEntryUpdateSchema, resourceEntryWriteSchema } from '@sg/contracts/schemas';
import { isCountryCode } from '@sg/domain';
import { CurrentStaff, Public, Roles } from '../auth/auth.decorators';
import { StaffPrincipal } from '../auth/staff-principal';
import { openApiBody } from '../http/openapi-schema';
import { validationError, ZodValidationPipe } from '../http/zod-validation.pipe';
import { ResourceDirectory } from './resource-directory.service';
import { resourceDirectoryEntrySchema, resourceDirectorySchema } from '@sg/contracts/schemas';
import { ApiAnswer } from '../http/openapi-schema';

@ApiTags('resources')
@Controller(API_ROUTES.resources)
export class ResourcesController {
  constructor(private readonly directory: ResourceDirectory) {}

  /** Public: the crisis panel and the plan read it before anyone signs in. */
  @ApiOperation({ summary: 'List the resource directory' })
  @Get()
  @Public()
  @ApiQuery({ name: 'country', required: false, description: 'ISO 3166-1 alpha-2; entries for that country and worldwide' })
  @ApiQuery({ name: 'includeInactive', required: false, description: 'admins only: retired entries too' })
  @ApiAnswer(200, resourceDirectorySchema, 'Active directory entries (admins: all, with includeInactive=true)')
  list(
    @Query('country') country: string | undefined,
    @Query('includeInactive') includeInactive: string | undefined,
    @CurrentStaff() staff: StaffPrincipal | undefined,
  ): Promise<ResourceDirectoryEntry[]> {
    if (country !== undefined && !isCountryCode(country)) {
      throw validationError([{ path: 'country', message: 'must be a two-letter country code in capitals, such as US, GB or MY' }]);
    }
    if (includeInactive === 'true') {
      if (staff?.role !== 'admin') throw new ForbiddenException('Only admins see retired entries');
      return this.directory.all(country);
    }
    return this.directory.forCountry(country);
  }

  @ApiOperation({ summary: 'Add a directory entry (admins)' })
  @Post()
  @Roles('admin')
  @ApiBearerAuth()
  @ApiBody(openApiBody(resourceEntryWriteSchema))
  @ApiAnswer(201, resourceDirectoryEntrySchema, 'The new entry')
  create(
    @CurrentStaff() admin: StaffPrincipal,
    @Body(new ZodValidationPipe(resourceEntryWriteSchema)) body: ParsedResourceEntryWrite,
  ): Promise<ResourceDirectoryEntry> {
    return this.directory.create(admin, body);
  }

  @ApiOperation({ summary: 'Change a directory entry (admins)' })
  @Patch(':id')
  @Roles('admin')
  @ApiBearerAuth()
  @ApiBody(openApiBody(resourceEntryUpdateSchema))
  @ApiAnswer(200, resourceDirectoryEntrySchema, 'The entry as it now is')
  update(
    @CurrentStaff() admin: StaffPrincipal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(new ZodValidationPipe(resourceEntryUpdateSchema)) body: Partial<ParsedResourceEntryWrite>,
  ): Promise<ResourceDirectoryEntry> {
    return this.directory.update(admin, id, body);
  }
}
