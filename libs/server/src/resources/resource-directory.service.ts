import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ParsedResourceEntryWrite, PersonResource, ResourceDirectoryEntry } from '@sg/contracts';
import { ANY_JURISDICTION, ResourceFacts, selectResources, isRecord } from '@sg/domain';
import { DataSource, EntityManager } from 'typeorm';
import { recordAudit } from '../audit/record-audit';
import { StaffPrincipal } from '../auth/staff-principal';
import { validationError } from '../http/zod-validation.pipe';
import { resourceDirectoryRepository as repository, ResourceEntryValues } from './resource-directory.repository';

const CACHE_MS = 30_000;

const UNIQUE_VIOLATION = '23505';

function keyTaken(error: unknown): boolean {
  return isRecord(error) && error['code'] === UNIQUE_VIOLATION;
}

/** The fields an admin edits, as the audit trail records them before and after (the id is the row's target_id). */
function audited(entry: ResourceEntryValues): ResourceEntryValues {
  return {
    key: entry.key,
    jurisdiction: entry.jurisdiction,
    name: entry.name,
    contact: entry.contact,
    url: entry.url,
    purpose: entry.purpose,
    audiences: entry.audiences,
    sortOrder: entry.sortOrder,
    active: entry.active,
    description: entry.description,
    whenToUse: entry.whenToUse,
    translations: entry.translations,
  };
}

/** A change as parsed: a field not sent is not there (so it keeps its value). */
function sentFields(patch: Partial<ParsedResourceEntryWrite>): Partial<ResourceEntryValues> {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
}

/**
 * The resource directory. Every intake needs it, so active entries are cached briefly; an edit
 * clears this process's cache and other API processes catch up within 30 seconds. Every admin
 * edit is audited (who, before and after) in the same transaction as the edit.
 */
@Injectable()
export class ResourceDirectory {
  private cache: { loadedAt: number; entries: Promise<ResourceDirectoryEntry[]> } | undefined;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Active entries (the domain's selection functions take them as they are). */
  activeEntries(): Promise<ResourceDirectoryEntry[]> {
    if (!this.cache || Date.now() - this.cache.loadedAt > CACHE_MS) {
      const entries = repository.active(this.dataSource.manager);
      this.cache = { loadedAt: Date.now(), entries };
      // A failed load must not be cached.
      entries.catch(() => (this.cache = undefined));
    }
    return this.cache.entries;
  }

  /**
   * The entries that fit this person, as their pages show them: the domain's choice and reason,
   * with the entry's words in every person language (the page shows the tab's language).
   */
  async matchFor(facts: ResourceFacts): Promise<PersonResource[]> {
    const entries = await this.activeEntries();
    const byKey = new Map(entries.map((entry) => [entry.key, entry]));
    return selectResources(entries, facts).map((resource) => {
      const entry = byKey.get(resource.key);
      return { ...resource, description: entry?.description ?? null, whenToUse: entry?.whenToUse ?? null, translations: entry?.translations ?? {} };
    });
  }

  async forCountry(country: string | undefined): Promise<ResourceDirectoryEntry[]> {
    const entries = await this.activeEntries();
    if (!country) return entries;
    return entries.filter((entry) => entry.jurisdiction === ANY_JURISDICTION || entry.jurisdiction === country);
  }

  /** Every entry, retired ones included (for admins), optionally for one country and worldwide. */
  all(country: string | undefined): Promise<ResourceDirectoryEntry[]> {
    return repository.all(this.dataSource.manager, country);
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager, lock = false): Promise<ResourceDirectoryEntry> {
    const row = await repository.find(manager, id, lock);
    if (!row) throw new NotFoundException('No resource directory entry with that id');
    return row;
  }

  async create(admin: StaffPrincipal, entry: ParsedResourceEntryWrite): Promise<ResourceDirectoryEntry> {
    try {
      const created = await this.dataSource.transaction(async (manager) => {
        const id = await repository.insert(manager, entry);
        const after = await this.get(id, manager);
        await recordAudit(manager, { actorId: admin.id, action: 'resource.created', target: { kind: 'resource_entry', id }, after: audited(after) });
        return after;
      });
      this.cache = undefined;
      return created;
    } catch (error) {
      if (keyTaken(error)) throw validationError([{ path: 'key', message: 'is already used by another entry' }]);
      throw error;
    }
  }

  async update(admin: StaffPrincipal, id: string, patch: Partial<ParsedResourceEntryWrite>): Promise<ResourceDirectoryEntry> {
    try {
      const updated = await this.dataSource.transaction(async (manager) => {
        // Locked, so two admins' edits are recorded in the order they were made, each with its real "before".
        const current = await this.get(id, manager, true);
        // Translations are replaced whole: the admin's dialog sends every language it shows.
        const next = { ...current, ...sentFields(patch) };
        await repository.update(manager, id, audited(next));
        const after = await this.get(id, manager);
        await recordAudit(manager, {
          actorId: admin.id,
          action: 'resource.updated',
          target: { kind: 'resource_entry', id },
          before: audited(current),
          after: audited(after),
        });
        return after;
      });
      this.cache = undefined;
      return updated;
    } catch (error) {
      if (keyTaken(error)) throw validationError([{ path: 'key', message: 'is already used by another entry' }]);
      throw error;
    }
  }
}
