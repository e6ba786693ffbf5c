import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { StaffRole } from '@sg/domain';
import { DataSource } from 'typeorm';

/** How long a looked-up account status is trusted; other API processes see a change within this. */
const TTL_MS = 5000;

/**
 * Whether an account is still active, and its current role. Access tokens live 15 minutes; this
 * makes deactivating someone (or changing their role) take effect within seconds instead.
 */
@Injectable()
export class StaffStatusCache {
  private readonly entries = new Map<string, { at: number; status: Promise<{ active: boolean; role: StaffRole } | null> }>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  status(staffId: string): Promise<{ active: boolean; role: StaffRole } | null> {
    const cached = this.entries.get(staffId);
    if (cached && Date.now() - cached.at < TTL_MS) return cached.status;
    const status = this.dataSource
      .query(`SELECT active, role FROM staff_user WHERE id = $1`, [staffId])
      .then((rows: Array<{ active: boolean; role: StaffRole }>) => rows[0] ?? null);
    status.catch(() => this.entries.delete(staffId));
    this.entries.set(staffId, { at: Date.now(), status });
    return status;
  }

  forget(staffId: string): void {
    this.entries.delete(staffId);
  }
}
