import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One shared rate-limit count (http/shared-throttler.storage.ts). Written only by
 * rate-limiter-flexible's PostgreSQL store; declared so the schema and the entities agree.
 */
@Entity({ name: 'rate_limit_counter' })
export class RateLimitCounterRow {
  /** A keyed hash of the limit's name and the client: no address or e-mail address is kept. */
  @PrimaryColumn({ type: 'varchar', length: 255 }) key!: string;
  @Column({ type: 'integer', default: 0 }) points!: number;
  /** When the count (or a block) ends, in ms since the epoch. */
  @Column({ type: 'bigint', nullable: true }) expire!: string | null;
}
