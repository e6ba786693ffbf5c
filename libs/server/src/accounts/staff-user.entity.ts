import { StaffLanguage, StaffRole } from '@sg/domain';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Organisation } from './organisation.entity';

/** A person who signs in to the dashboard: caseworker, supervisor or admin. */
@Entity({ name: 'staff_user' })
@Index('staff_user_email_key', ['email'], { unique: true })
@Check('staff_user_email_check', `email = lower(email)`)
@Check('staff_user_role_check', `role IN ('caseworker', 'supervisor', 'admin')`)
@Check('staff_user_language_check', `"language" IN ('en', 'ms')`)
export class StaffUser {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ManyToOne(() => Organisation, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'staff_user_organisation_id_fkey' })
  organisation?: Organisation;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  /** Stored lower-cased (staff_user_email_check), so the unique index staff_user_email_key is case-insensitive. */
  @Column({ type: 'text' })
  email!: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName!: string;

  @Column({ type: 'text' })
  role!: StaffRole;

  /** argon2id hash; never leaves the server. */
  @Column({ name: 'password_hash', type: 'text', select: false })
  passwordHash!: string;

  /** The dashboard's language for this person (STAFF_LANGUAGES); they change it themselves. */
  @Column({ type: 'text', default: 'en' })
  language!: StaffLanguage;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
