import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LRUCache } from 'lru-cache';
import { StaffStatusRow, StaffStatusSource, staffUserRepository } from '../accounts/staff-user.repository';

/** How long a looked-up account status is trusted; other API processes see a change within this. */
const TTL_MS = 5000;
/** Far above any organisation's staff; only bounds memory (the old Map kept every id it saw). */
const MAX_ACCOUNTS = 10_000;

type StaffStatus = StaffStatusRow | null;

/**
 * Whether an account is still active, and its current role. Access tokens live 15 minutes; this
 * makes deactivating someone (or changing their role) take effect within seconds instead.
 * lru-cache gives the expiry and shares one query among concurrent requests for the same account;
 * a failed query is not kept (it deletes a rejected fetch).
 */
@Injectable()
export class StaffStatusCache {
  // lru-cache stores no null: an unknown account is kept as { status: null }, so it is cached too.
  private readonly cache: LRUCache<string, { status: StaffStatus }>;
  /** Counts forget() calls: a lookup that forget() aborted is asked again. */
  private forgets = 0;

  constructor(@InjectDataSource() private readonly dataSource: StaffStatusSource) {
    this.cache = new LRUCache<string, { status: StaffStatus }>({
      max: MAX_ACCOUNTS,
      ttl: TTL_MS,
      fetchMethod: async (staffId): Promise<{ status: StaffStatus }> => {
        return { status: await staffUserRepository.status(this.dataSource, staffId) };
      },
    });
  }

  async status(staffId: string): Promise<StaffStatus> {
    const forgetsBefore = this.forgets;
    try {
      const entry = await this.cache.fetch(staffId);
      return entry?.status ?? null;
    } catch (error) {
      // forget() during the query aborts it (lru-cache rejects with "deleted"): ask again, so
      // the caller gets the status after the change that made someone forget it.
      if (this.forgets !== forgetsBefore) return this.status(staffId);
      throw error;
    }
  }

  forget(staffId: string): void {
    this.forgets += 1;
    this.cache.delete(staffId);
  }
}
