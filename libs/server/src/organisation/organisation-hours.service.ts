import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { OrganisationHours } from '@sg/contracts';
import { DEFAULT_OPENING_HOURS, OpeningHours } from '@sg/domain';
import { DataSource } from 'typeorm';
import { organisationRepository } from './organisation.repository';
import { recordAudit } from '../audit/record-audit';
import { StaffPrincipal } from '../auth/staff-principal';
import { OrganisationHoursLookupRow, organisationHoursRepository } from './organisation-hours.repository';
import { forgetOpeningHours } from './response-target-policy';

/** The saved hours, or the defaults for an organisation whose admin has not saved any yet. */
function view(row: OrganisationHoursLookupRow): OrganisationHours {
  if (row.timeZone === null || row.weekly === null || row.holidays === null || row.updatedAt === null) return { ...DEFAULT_OPENING_HOURS, updatedAt: null };
  return { timeZone: row.timeZone, weekly: row.weekly, holidays: row.holidays, updatedAt: new Date(row.updatedAt).toISOString() };
}

/**
 * The organisation's opening hours: every member of staff reads them, admins replace them (audited,
 * with the before and after). `forInstallation` is what intake, triage and the public pages will
 * count `high` and `standard` targets on.
 */
@Injectable()
export class OrganisationHoursService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async forStaff(staff: StaffPrincipal): Promise<OrganisationHours> {
    const row = await organisationHoursRepository.findForStaff(this.dataSource.manager, staff.id);
    if (!row) throw new NotFoundException('Your account belongs to no organisation');
    return view(row);
  }

  /** The installation's hours (the defaults until an admin saves some, or before any organisation exists). */
  async forInstallation(): Promise<OpeningHours> {
    const row = await organisationHoursRepository.findForInstallation(this.dataSource.manager);
    const hours = row ? view(row) : DEFAULT_OPENING_HOURS;
    return { timeZone: hours.timeZone, weekly: hours.weekly, holidays: hours.holidays };
  }

  /** Replaces the hours of the admin's organisation; `hours` has passed openingHoursInputSchema. */
  async replace(staff: StaffPrincipal, hours: OpeningHours): Promise<OrganisationHours> {
    return this.dataSource.transaction(async (manager) => {
      const organisationId = await organisationRepository.lockOrganisationOf(manager, staff.id);
      const before = organisationId ? await organisationHoursRepository.findForStaff(manager, staff.id) : undefined;
      if (!organisationId || !before) throw new NotFoundException('Your account belongs to no organisation');
      const row = await organisationHoursRepository.save(manager, organisationId, { ...hours, updatedBy: staff.id });
      // This process counts targets on the new hours at once (the others within seconds).
      forgetOpeningHours();
      const after = view(row);
      await recordAudit(manager, {
        actorId: staff.id,
        action: 'organisation.hours_updated',
        target: { kind: 'organisation', id: organisationId },
        before: view(before),
        after,
      });
      return after;
    });
  }
}
