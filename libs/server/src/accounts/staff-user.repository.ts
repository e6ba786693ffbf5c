import { StaffRole } from '@sg/domain';
import { DataSource, EntityManager } from 'typeorm';

/** What the sign-in guard needs to know of an account on each request (through StaffStatusCache). */
export interface StaffStatusRow {
  active: boolean;
  role: StaffRole;
}

/** Reads of staff accounts that other features need; typed rows, SQL only here. */
export const staffUserRepository = {
  async status(db: DataSource | EntityManager, staffId: string): Promise<StaffStatusRow | null> {
    const rows = await db.query<StaffStatusRow[]>(`SELECT active, role FROM staff_user WHERE id = $1`, [staffId]);
    return rows[0] ?? null;
  },

  async displayName(db: DataSource | EntityManager, staffId: string): Promise<string | null> {
    const rows = await db.query<Array<{ display_name: string }>>(`SELECT display_name FROM staff_user WHERE id = $1`, [staffId]);
    return rows[0]?.display_name ?? null;
  },
};
