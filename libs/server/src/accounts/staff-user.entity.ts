import { StaffLanguage, StaffRole } from '@sg/domain';
import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Organisation } from './organisation.entity';

/** A person who signs in to the dashboard: caseworker, supervisor or admin. */
@Entity({ name: 'staff_user' })
@Check('staff_user_language_check', `"language" IN ('en', 'ms')`)
export class StaffUser {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ManyToOne(() => Organisation, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id' })
  organisation!: Organisation;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  /** Stored lower-cased; unique (case-insensitively) by the migration's index. */
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
