import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A browser session's refresh token (hashed); revoked on sign-out or rotation. */
@Entity({ name: 'staff_session' })
export class StaffSession {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'staff_id', type: 'uuid' }) staffId!: string;
  @Column({ name: 'token_hash', type: 'text', unique: true }) tokenHash!: string;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt!: Date;
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true }) revokedAt!: Date | null;
}
