import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { StaffCreate, StaffMember, StaffUpdate } from '@sg/contracts';
import { hash } from 'argon2';
import { DataSource } from 'typeorm';
import { recordAudit } from '../audit/record-audit';
import { StaffPrincipal } from '../auth/staff-principal';
import { StaffStatusCache } from '../auth/staff-status.cache';
import { validationError } from '../http/zod-validation.pipe';

const COLUMNS = `id, display_name AS "displayName", email, role, active`;

/** Accounts, managed by admins. Every change is audited; passwords are argon2id hashes. */
@Injectable()
export class StaffAccountsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly statusCache: StaffStatusCache,
  ) {}

  list(includeInactive: boolean): Promise<StaffMember[]> {
    return this.dataSource.query(`SELECT ${COLUMNS} FROM staff_user ${includeInactive ? '' : 'WHERE active'} ORDER BY active DESC, display_name`);
  }

  async create(admin: StaffPrincipal, input: StaffCreate): Promise<StaffMember> {
    const passwordHash = await hash(input.password, { type: 2 /* argon2id */ });
    return this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query(
        `INSERT INTO staff_user (organisation_id, email, display_name, role, password_hash)
         SELECT organisation_id, $2, $3, $4, $5 FROM staff_user WHERE id = $1
         ON CONFLICT (email) DO NOTHING RETURNING ${COLUMNS}`,
        [admin.id, input.email, input.displayName, input.role, passwordHash],
      );
      if (!row) throw validationError([{ path: 'email', message: 'is already used by another account' }]);
      await recordAudit(manager, {
        actorId: admin.id,
        action: 'staff.created',
        target: { kind: 'staff_user', id: row.id },
        after: { id: row.id, email: row.email, displayName: row.displayName, role: row.role, active: row.active },
      });
      return row;
    });
  }

  async update(admin: StaffPrincipal, id: string, change: StaffUpdate): Promise<StaffMember> {
    if (id === admin.id && (change.active === false || (change.role && change.role !== 'admin'))) {
      throw new ConflictException('You cannot deactivate or demote your own account; ask another admin.');
    }
    const passwordHash = change.password ? await hash(change.password, { type: 2 }) : undefined;
    const updated = await this.dataSource.transaction(async (manager) => {
      const [before] = await manager.query(`SELECT ${COLUMNS} FROM staff_user WHERE id = $1 FOR UPDATE`, [id]);
      if (!before) throw new NotFoundException('No account with that id');
      const [[after]] = await manager.query(
        `UPDATE staff_user SET display_name = COALESCE($2, display_name), role = COALESCE($3, role), active = COALESCE($4, active),
                password_hash = COALESCE($5, password_hash)
          WHERE id = $1 RETURNING ${COLUMNS}`,
        [id, change.displayName ?? null, change.role ?? null, change.active ?? null, passwordHash ?? null],
      );
      // A deactivated account or a changed password ends every session at once.
      if (change.active === false || passwordHash) await manager.query(`UPDATE staff_session SET revoked_at = now() WHERE staff_id = $1 AND revoked_at IS NULL`, [id]);
      await recordAudit(manager, {
        actorId: admin.id,
        action: 'staff.updated',
        target: { kind: 'staff_user', id },
        before: { displayName: before.displayName, role: before.role, active: before.active },
        after: { displayName: after.displayName, role: after.role, active: after.active, passwordChanged: Boolean(passwordHash) },
      });
      return after as StaffMember;
    });
    this.statusCache.forget(id);
    return updated;
  }
}
