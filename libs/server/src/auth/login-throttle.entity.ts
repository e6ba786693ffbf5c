import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Sign-in attempts per account, shared by every API process; counted before the password is checked. */
@Entity({ name: 'login_throttle' })
@Index('login_throttle_updated_idx', ['updatedAt'])
export class LoginThrottleRow {
  /** sha256 of the normalised email: what people type there (sometimes a password) is not kept. */
  @PrimaryColumn({ name: 'account_key', type: 'text' }) accountKey!: string;
  @Column({ type: 'integer' }) attempts!: number;
  @Column({ name: 'window_started_at', type: 'timestamptz' }) windowStartedAt!: Date;
  @Column({ type: 'integer', default: 0 }) lockouts!: number;
  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true }) lockedUntil!: Date | null;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt!: Date;
}

/** The same per account and client address: an address is locked out of an account first. */
@Entity({ name: 'login_throttle_address' })
@Index('login_throttle_address_updated_idx', ['updatedAt'])
export class LoginThrottleAddressRow {
  @PrimaryColumn({ name: 'account_key', type: 'text' }) accountKey!: string;
  /** A keyed hash (HMAC) of the client's address; the address itself is never stored. */
  @PrimaryColumn({ name: 'address_key', type: 'text' }) addressKey!: string;
  @Column({ type: 'integer' }) attempts!: number;
  @Column({ name: 'window_started_at', type: 'timestamptz' }) windowStartedAt!: Date;
  @Column({ type: 'integer', default: 0 }) lockouts!: number;
  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true }) lockedUntil!: Date | null;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt!: Date;
}
