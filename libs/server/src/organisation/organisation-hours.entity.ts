import { Holiday, OpeningSlot } from '@sg/domain';
import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Organisation } from '../accounts/organisation.entity';
import { StaffUser } from '../accounts/staff-user.entity';

/** An organisation's opening hours (organisation-hours.repository.ts); absent while it runs on the defaults. */
@Entity({ name: 'organisation_hours' })
@Check('organisation_hours_weekly_array', `jsonb_typeof(weekly) = 'array'`)
@Check('organisation_hours_holidays_array', `jsonb_typeof(holidays) = 'array'`)
export class OrganisationHoursRow {
  @PrimaryColumn({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'organisation_hours_organisation_id_fkey' })
  organisation?: Organisation;
  @Column({ name: 'time_zone', type: 'text' }) timeZone!: string;
  @Column({ type: 'jsonb' }) weekly!: OpeningSlot[];
  @Column({ type: 'jsonb' }) holidays!: Holiday[];
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt!: Date;
  @Column({ name: 'updated_by', type: 'uuid', nullable: true }) updatedBy!: string | null;
  @ManyToOne(() => StaffUser, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'updated_by', foreignKeyConstraintName: 'organisation_hours_updated_by_fkey' })
  updater?: StaffUser | null;
}
