import { languagesFallingBack, ParsedResourceEntryWrite, ResourceDirectoryEntry } from '@sg/contracts/schemas';
import { EntityManager } from 'typeorm';

/** All of the resource directory's SQL; rows come back in the contract's shape. */
const SELECT = `SELECT id, key, jurisdiction, name, contact, url, purpose, audiences, sort_order AS "sortOrder", active,
  description, when_to_use AS "whenToUse", translations FROM resource_entry`;

/** One entry after a create or an update is merged with its current row. */
export type ResourceEntryValues = Omit<ResourceDirectoryEntry, 'id' | 'fallsBackToEnglish'>;

type Row = Omit<ResourceDirectoryEntry, 'fallsBackToEnglish'>;

/** Each entry says in which languages part of it still reads in English (admins see it flagged). */
async function read(manager: EntityManager, sql: string, parameters?: unknown[]): Promise<ResourceDirectoryEntry[]> {
  const rows = await manager.query<Row[]>(sql, parameters);
  return rows.map((row) => ({ ...row, fallsBackToEnglish: languagesFallingBack(row) }));
}

export const resourceDirectoryRepository = {
  active(manager: EntityManager): Promise<ResourceDirectoryEntry[]> {
    return read(manager, `${SELECT} WHERE active ORDER BY sort_order, key`);
  },

  /** Every entry, retired ones included, optionally for one country and worldwide. */
  all(manager: EntityManager, country: string | undefined): Promise<ResourceDirectoryEntry[]> {
    return country
      ? read(manager, `${SELECT} WHERE jurisdiction IN ($1, 'ANY') ORDER BY active DESC, jurisdiction, sort_order, key`, [country])
      : read(manager, `${SELECT} ORDER BY active DESC, jurisdiction, sort_order, key`);
  },

  async find(manager: EntityManager, id: string, lock: boolean): Promise<ResourceDirectoryEntry | undefined> {
    const rows = await read(manager, `${SELECT} WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
    return rows[0];
  },

  /** Inserts an entry and returns its id. */
  async insert(manager: EntityManager, entry: ParsedResourceEntryWrite): Promise<string> {
    const rows = await manager.query<{ id: string }[]>(
      `INSERT INTO resource_entry (key, jurisdiction, name, contact, url, purpose, audiences, sort_order, active, description, when_to_use, translations)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
      [
        entry.key,
        entry.jurisdiction,
        entry.name,
        entry.contact,
        entry.url ?? null,
        entry.purpose,
        entry.audiences,
        entry.sortOrder ?? 100,
        entry.active ?? true,
        entry.description ?? null,
        entry.whenToUse ?? null,
        JSON.stringify(entry.translations ?? {}),
      ],
    );
    const row = rows[0];
    if (!row) throw new Error('INSERT ... RETURNING gave no row');
    return row.id;
  },

  async update(manager: EntityManager, id: string, next: ResourceEntryValues): Promise<void> {
    await manager.query(
      `UPDATE resource_entry SET key = $2, jurisdiction = $3, name = $4, contact = $5, url = $6, purpose = $7,
              audiences = $8, sort_order = $9, active = $10, description = $11, when_to_use = $12, translations = $13,
              updated_at = now() WHERE id = $1`,
      [
        id,
        next.key,
        next.jurisdiction,
        next.name,
        next.contact,
        next.url ?? null,
        next.purpose,
        next.audiences,
        next.sortOrder,
        next.active,
        next.description,
        next.whenToUse,
        JSON.stringify(next.translations),
      ],
    );
  },
};
