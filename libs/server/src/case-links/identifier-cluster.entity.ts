import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * An identifier two or more cases hold, kept by triggers in step with `case_identifier` and the
 * holding cases (migrations 1766840000000-identifier-cluster and 1766855000000-identifier-cluster-aggregates): the supervisors' list pages
 * through it newest activity first. `key` is one of the identifier's index rows (what the list hands
 * out and `GET /api/clusters/:key` opens); a secret's `value` is its keyed hash, as in the index.
 */
@Entity({ name: 'identifier_cluster' })
@Check('identifier_cluster_case_count_check', `case_count >= 2`)
@Index('identifier_cluster_activity_idx', ['lastActivityAt', 'lastActivityCase', 'key'])
export class IdentifierClusterRow {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'identifier_cluster_pkey' }) kind!: string;
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'identifier_cluster_pkey' }) value!: string;
  @Column({ type: 'uuid', comment: 'The lowest case_identifier.id of the identifier: what GET /api/clusters/:key opens' }) key!: string;
  @Column({ name: 'case_count', type: 'integer' }) caseCount!: number;
  /** Any of its index rows sealed (a gift card): the list shows it masked. */
  @Column({ type: 'boolean' }) secret!: boolean;
  @Column({ name: 'first_seen', type: 'timestamptz' }) firstSeen!: Date;
  @Column({ name: 'last_seen', type: 'timestamptz' }) lastSeen!: Date;
  @Column({ name: 'last_activity_at', type: 'timestamptz' }) lastActivityAt!: Date;
  @Column({ name: 'last_activity_case', type: 'uuid' }) lastActivityCase!: string;
  /** What the list shows of its holding cases (migration 1766855000000), recomputed when a case's status, priority, country or platforms change. */
  @Column({ type: 'text', array: true }) platforms!: string[];
  @Column({ type: 'text', array: true }) countries!: string[];
  @Column({ type: 'text', array: true }) priorities!: string[];
  @Column({ type: 'text', array: true }) outcomes!: string[];
  @Column({ name: 'recent_cases', type: 'uuid', array: true, comment: 'The newest 10 holding cases (created_at DESC, id): what the list shows' })
  recentCases!: string[];
}
