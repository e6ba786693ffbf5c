import { Column, Entity, JoinColumn, ManyToOne, OneToOne, PrimaryColumn, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { StaffUser } from '../accounts/staff-user.entity';

/**
 * A staff member's TOTP authenticator. The secret is sealed (DataProtection, bound to the staff
 * id) and never leaves the server after enrolment; `confirmedAt` null is an enrolment not yet
 * confirmed with a code; `lastUsedStep` is the newest 30-second step a code was accepted for,
 * so no code (nor an older one) is accepted twice.
 */
@Entity({ name: 'staff_totp' })
export class StaffTotpRow {
  @PrimaryColumn({ name: 'staff_id', type: 'uuid' }) staffId!: string;
  @OneToOne(() => StaffUser, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'staff_id', foreignKeyConstraintName: 'staff_totp_staff_id_fkey' })
  staff?: StaffUser;
  @Column({ name: 'secret_sealed', type: 'bytea' }) secretSealed!: Buffer;
  @Column({ name: 'confirmed_at', type: 'timestamptz', nullable: true }) confirmedAt!: Date | null;
  @Column({ name: 'last_used_step', type: 'bigint', nullable: true }) lastUsedStep!: string | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
}

/** One single-use recovery code, as a keyed hash; `usedAt` set when it was spent. */
@Entity({ name: 'staff_totp_recovery_code' })
@Unique('staff_totp_recovery_code_unique', ['staffId', 'codeHash'])
export class StaffTotpRecoveryCodeRow {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'staff_id', type: 'uuid' }) staffId!: string;
  @ManyToOne(() => StaffUser, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'staff_id', foreignKeyConstraintName: 'staff_totp_recovery_code_staff_id_fkey' })
  staff?: StaffUser;
  @Column({ name: 'code_hash', type: 'text' }) codeHash!: string;
  @Column({ name: 'used_at', type: 'timestamptz', nullable: true }) usedAt!: Date | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
}
