import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ResourceDirectoryEntry, ResourceEntryWrite } from '@sg/contracts';
import { ANY_JURISDICTION, ResourceEntry } from '@sg/domain';
import { DataSource } from 'typeorm';
import { validationError } from '../http/zod-validation.pipe';

const CACHE_MS = 30_000;

const SELECT = `SELECT id, key, jurisdiction, name, contact, url, purpose, audiences, sort_order AS "sortOrder", active FROM resource_entry`;

/**
 * The resource directory. Every intake needs it, so active entries are cached briefly; an edit
 * clears this process's cache and other API processes catch up within 30 seconds.
 */
@Injectable()
export class ResourceDirectory {
  private cache: { loadedAt: number; entries: Promise<ResourceDirectoryEntry[]> } | undefined;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Active entries, as the domain's selection functions take them. */
  activeEntries(): Promise<ResourceEntry[]> {
    if (!this.cache || Date.now() - this.cache.loadedAt > CACHE_MS) {
      const entries = this.dataSource.query(`${SELECT} WHERE active ORDER BY sort_order, key`);
      this.cache = { loadedAt: Date.now(), entries };
      // A failed load must not be cached.
      entries.catch(() => (this.cache = undefined));
    }
    return this.cache.entries;
  }

  async forCountry(country: string | undefined): Promise<ResourceDirectoryEntry[]> {
    const entries = (await this.activeEntries()) as ResourceDirectoryEntry[];
    if (!country) return entries;
    return entries.filter((entry) => entry.jurisdiction === ANY_JURISDICTION || entry.jurisdiction === country);
  }

  /** Every entry, retired ones included (for admins), optionally for one country and worldwide. */
  all(country: string | undefined): Promise<ResourceDirectoryEntry[]> {
    return country
      ? this.dataSource.query(`${SELECT} WHERE jurisdiction IN ($1, 'ANY') ORDER BY active DESC, jurisdiction, sort_order, key`, [country])
      : this.dataSource.query(`${SELECT} ORDER BY active DESC, jurisdiction, sort_order, key`);
  }

  async get(id: string): Promise<ResourceDirectoryEntry> {
    const [row] = await this.dataSource.query(`${SELECT} WHERE id = $1`, [id]);
    if (!row) throw new NotFoundException('No resource directory entry with that id');
    return row;
  }

  async create(entry: ResourceEntryWrite): Promise<ResourceDirectoryEntry> {
    try {
      const [row] = await this.dataSource.query(
        `INSERT INTO resource_entry (key, jurisdiction, name, contact, url, purpose, audiences, sort_order, active)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        [entry.key, entry.jurisdiction, entry.name, entry.contact, entry.url ?? null, entry.purpose, entry.audiences, entry.sortOrder ?? 100, entry.active ?? true],
      );
      this.cache = undefined;
      return this.get(row.id);
    } catch (error) {
      if ((error as { code?: string }).code === '23505') throw validationError([{ path: 'key', message: 'is already used by another entry' }]);
      throw error;
    }
  }

  async update(id: string, patch: Partial<ResourceEntryWrite>): Promise<ResourceDirectoryEntry> {
    const current = await this.get(id);
    const next = { ...current, ...patch };
    try {
      await this.dataSource.query(
        `UPDATE resource_entry SET key = $2, jurisdiction = $3, name = $4, contact = $5, url = $6, purpose = $7,
                audiences = $8, sort_order = $9, active = $10, updated_at = now() WHERE id = $1`,
        [id, next.key, next.jurisdiction, next.name, next.contact, next.url ?? null, next.purpose, next.audiences, next.sortOrder, next.active],
      );
    } catch (error) {
      if ((error as { code?: string }).code === '23505') throw validationError([{ path: 'key', message: 'is already used by another entry' }]);
      throw error;
    }
    this.cache = undefined;
    return this.get(id);
  }
}
