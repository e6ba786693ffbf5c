import type { SavedReplyTranslations } from '@sg/contracts';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { StaffUser } from '../accounts/staff-user.entity';

/** A reviewed message template (saved-replies.service.ts). Never about one case: no personal data. */
@Entity({ name: 'saved_reply' })
export class SavedReplyRow {
  @PrimaryGeneratedColumn('uuid') id!: string;
  /** English: the reply's own words. */
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'text' }) body!: string;
  /** The other person languages' words, beside the English columns (1765700003000-saved-reply-translations.ts). */
  @Column({ type: 'jsonb', default: {} }) translations!: SavedReplyTranslations;
  @Column({ type: 'boolean', default: true }) active!: boolean;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt!: Date;
  @Column({ name: 'updated_by', type: 'uuid', nullable: true }) updatedBy!: string | null;
  @ManyToOne(() => StaffUser, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'updated_by', foreignKeyConstraintName: 'saved_reply_updated_by_fkey' })
  updater?: StaffUser | null;
}
