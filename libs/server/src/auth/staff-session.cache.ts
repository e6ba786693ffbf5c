import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LRUCache } from 'lru-cache';
import { DataSource } from 'typeorm';
import { staffSessionRepository } from './staff-session.repository';

/**
 * How long a looked-up sign-in is trusted: signing out ends its access tokens on every API
 * process within 5 seconds (this, plus the query), not at their expiry.
 */
export const SESSION_CHECK_TTL_MS = 4000;
/** Only bounds memory: far above the sign-ins an organisation has open at once. */
const MAX_SIGN_INS = 20_000;

/**
 * Whether an access token's sign-in (its session family, the `sid` claim) is still live: not
 * signed out, not ended by a reused refresh token or an account change. Built like
 * StaffStatusCache: lru-cache's expiry, one query shared by concurrent requests, a failed query
 * not kept, and forget() for the process that ended the sign-in to know at once.
 */
@Injectable()
export class StaffSessionCache {
  private readonly cache: LRUCache<string, { live: boolean }>;
  private forgets = 0;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.cache = new LRUCache<string, { live: boolean }>({
      max: MAX_SIGN_INS,
      ttl: SESSION_CHECK_TTL_MS,
      fetchMethod: async (familyId): Promise<{ live: boolean }> => ({ live: await staffSessionRepository.familyLive(this.dataSource, familyId) }),
    });
  }

  async live(familyId: string): Promise<boolean> {
    const forgetsBefore = this.forgets;
    try {
      return (await this.cache.fetch(familyId))?.live ?? false;
    } catch (error) {
      // forget() during the query aborts it: ask again, so the caller sees the ended sign-in.
      if (this.forgets !== forgetsBefore) return this.live(familyId);
      throw error;
    }
  }

  forget(familyId: string): void {
    this.forgets += 1;
    this.cache.delete(familyId);
  }
}
