import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { StaffCreate, StaffMember, StaffUpdate } from '@sg/contracts';
import { hash } from 'argon2';
import { DataSource } from 'typeorm';
import { staffUserRepository } from '../accounts/staff-user.repository';
import { recordAudit } from '../audit/record-audit';
import { accountKey } from '../auth/login-throttle';
import { loginThrottleRepository } from '../auth/login-throttle.repository';
import { staffSessionRepository } from '../auth/staff-session.repository';
import { StaffPrincipal } from '../auth/staff-principal';
import { StaffSessionCache } from '../auth/staff-session.cache';
import { StaffStatusCache } from '../auth/staff-status.cache';
import { validationError } from '../http/zod-validation.pipe';
import { SecondFactorService } from '../second-factor/second-factor.service';

/** Accounts, managed by admins. Every change is audited; passwords are argon2id hashes. */
@Injectable()
export class StaffAccountsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly statusCache: StaffStatusCache,
    private readonly sessionCache: StaffSessionCache,
    private readonly secondFactor: SecondFactorService,
  ) {}

  /** An admin resets a member's second factor (audited); every sign-in of theirs ends at once. */
  async resetSecondFactor(admin: StaffPrincipal, id: string): Promise<void> {
    const ended = await this.secondFactor.reset(admin, id);
    for (const signIn of ended) this.sessionCache.forget(signIn);
  }

  list(includeInactive: boolean): Promise<StaffMember[]> {
    return staffUserRepository.list(this.dataSource, includeInactive);
  }

  async create(admin: StaffPrincipal, input: StaffCreate): Promise<StaffMember> {
    const passwordHash = await hash(input.password, { type: 2 /* argon2id */ });
    return this.dataSource.transaction(async (manager) => {
      const row = await staffUserRepository.createInOrganisationOf(manager, admin.id, {
        email: input.email,
        displayName: input.displayName,
        role: input.role,
        passwordHash,
      });
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
    const { updated, endedSignIns } = await this.dataSource.transaction(async (manager) => {
      // Before the account row: a rotation waits on that row for its new session (see lockSessionsOf).
      if (change.active === false || passwordHash) await staffSessionRepository.lockSessionsOf(manager, id);
      const before = await staffUserRepository.lockMember(manager, id);
      if (!before) throw new NotFoundException('No account with that id');
      const after = await staffUserRepository.update(manager, id, {
        displayName: change.displayName ?? null,
        role: change.role ?? null,
        active: change.active ?? null,
        passwordHash: passwordHash ?? null,
      });
      // A deactivated account or a changed password ends every session at once.
      const ended = change.active === false || passwordHash ? await staffSessionRepository.revokeAllOf(manager, id) : [];
      // A reset password also lifts any sign-in lockout, from every address.
      if (passwordHash) await loginThrottleRepository.clearAccount(manager, accountKey(before.email));
      await recordAudit(manager, {
        actorId: admin.id,
        action: 'staff.updated',
        target: { kind: 'staff_user', id },
        before: { displayName: before.displayName, role: before.role, active: before.active },
        after: { displayName: after.displayName, role: after.role, active: after.active, passwordChanged: Boolean(passwordHash) },
      });
      return { updated: after, endedSignIns: ended };
    });
    this.statusCache.forget(id);
    for (const signIn of endedSignIns) this.sessionCache.forget(signIn);
    return updated;
  }
}
