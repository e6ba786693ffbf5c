import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { StaffUser } from '../accounts/staff-user.entity';

/** Why a session ended: renewed (rotation), signed out, a rotated token reused (its family ended), or an account change. */
export type SessionEndedBy = 'rotation' | 'sign_out' | 'reuse' | 'account';

/** A browser session's refresh token (hashed); revoked on sign-out or rotation. */
@Entity({ name: 'staff_session' })
@Index('staff_session_staff_idx', ['staffId'])
@Index('staff_session_family_idx', ['familyId'])
@Check('staff_session_ended_by_check', `ended_by IN ('rotation', 'sign_out', 'reuse', 'account')`)
export class StaffSession {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'staff_id', type: 'uuid' }) staffId!: string;
  @ManyToOne(() => StaffUser, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'staff_id', foreignKeyConstraintName: 'staff_session_staff_id_fkey' })
  staff?: StaffUser;
  /** The first session of the sign-in this one was rotated from (its own id for a sign-in). */
  @Column({ name: 'family_id', type: 'uuid' }) familyId!: string;
  @Column({ name: 'token_hash', type: 'text', unique: true }) tokenHash!: string;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt!: Date;
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true }) revokedAt!: Date | null;
  @Column({ name: 'ended_by', type: 'text', nullable: true }) endedBy!: SessionEndedBy | null;
}
