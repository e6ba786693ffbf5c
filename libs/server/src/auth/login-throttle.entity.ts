import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Failed sign-ins per account, shared by every API process. */
@Entity({ name: 'login_throttle' })
export class LoginThrottleRow {
  /** sha256 of the normalised email: what people type there (sometimes a password) is not kept. */
  @PrimaryColumn({ name: 'account_key', type: 'text' }) accountKey!: string;
  @Column({ type: 'integer' }) failures!: number;
  @Column({ name: 'window_started_at', type: 'timestamptz' }) windowStartedAt!: Date;
  @Column({ type: 'integer', default: 0 }) lockouts!: number;
  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true }) lockedUntil!: Date | null;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt!: Date;
}
