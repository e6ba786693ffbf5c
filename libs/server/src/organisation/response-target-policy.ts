import { OpeningHours, ResponseTargetPolicy } from '@sg/domain';
import { LRUCache } from 'lru-cache';
import { EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { organisationHoursRepository } from './organisation-hours.repository';

/**
 * The saved hours, shared for a few seconds: every intake needs them, and a change of hours may
 * take that long to reach the other API processes and workers (the process that saved them sees it at once).
 */
const SHARED_FOR_MS = 10_000;
const cache = new LRUCache<'installation', { hours: OpeningHours | null }>({ max: 1, ttl: SHARED_FOR_MS });

/** Forgets the shared hours (after an admin saved new ones). */
export function forgetOpeningHours(): void {
  cache.clear();
}

/**
 * How first-response targets are counted now (domain: triage/response-target.ts): the saved opening
 * hours for `high` and `standard`, or the clock while none are saved.
 */
export async function loadResponseTargetPolicy(manager: EntityManager, config: AppConfig): Promise<ResponseTargetPolicy> {
  let entry = cache.get('installation');
  if (!entry) {
    const row = await organisationHoursRepository.findForInstallation(manager);
    const saved =
      row && row.timeZone !== null && row.weekly !== null && row.holidays !== null
        ? { timeZone: row.timeZone, weekly: row.weekly, holidays: row.holidays }
        : null;
    entry = { hours: saved };
    cache.set('installation', entry);
  }
  return { timeScale: config.followUpTimeScale, openingHours: entry.hours, openingHoursTargets: config.targetOpeningHours };
}
