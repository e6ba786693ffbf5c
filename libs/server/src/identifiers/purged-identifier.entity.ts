import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * What is left of a purged case's offender identifier: its keyed hash (DataProtection.hashIdentifier,
 * of its normal form) and how many purged cases held it. No value, case id or reference.
 */
@Entity({ name: 'purged_identifier' })
@Check(
  'purged_identifier_kind_check',
  `kind IN ('handle', 'profile_url', 'user_id', 'email', 'phone', 'payment_account', 'transaction_id', 'crypto_wallet', 'gift_card')`,
)
@Check('purged_identifier_cases_check', `cases > 0`)
export class PurgedIdentifierRow {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'purged_identifier_pkey' }) kind!: string;
  @PrimaryColumn({ name: 'value_hash', type: 'text', primaryKeyConstraintName: 'purged_identifier_pkey' }) valueHash!: string;
  @Column({ type: 'integer' }) cases!: number;
}
