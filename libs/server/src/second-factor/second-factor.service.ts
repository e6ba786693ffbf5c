import { ConflictException, ForbiddenException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { RECOVERY_CODE_COUNT, SecondFactorEnrolled, SecondFactorEnrolment, SecondFactorStatus } from '@sg/contracts';
import { StaffRole } from '@sg/domain';
import { toString as qrCodeSvg } from 'qrcode';
import { DataSource, EntityManager } from 'typeorm';
import { staffUserRepository } from '../accounts/staff-user.repository';
import { recordAudit } from '../audit/record-audit';
import { staffSessionRepository } from '../auth/staff-session.repository';
import { StaffPrincipal } from '../auth/staff-principal';
import { SecondFactorProof, SignInSecondFactor } from '../auth/sign-in-second-factor';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { validationError } from '../http/zod-validation.pipe';
import { DataProtection } from '../security/data-protection';
import { staffTotpRepository } from './staff-totp.repository';
import { matchingStep, newRecoveryCode, newTotpSecret, normaliseRecoveryCode, totpUri } from './totp';

export type { SecondFactorProof } from '../auth/sign-in-second-factor';

/** The sealed secret's context: a sealed secret copied onto another account does not open. */
const sealContext = (staffId: string) => `staff_totp:${staffId}`;

/**
 * Staff second factor (TOTP): enrolment with a QR code, confirmation with a code, single-use
 * recovery codes, checking a sign-in's code (each code once), switching it off where the role
 * allows, and an admin's reset. Every change is audited; the secret is sealed at rest and
 * leaves the server only once, to the member enrolling.
 */
@Injectable()
export class SecondFactorService implements SignInSecondFactor {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly protection: DataProtection,
  ) {}

  /** Whether this role must sign in with a second factor (TOTP_REQUIRED_ROLES). */
  requiredFor(role: StaffRole): boolean {
    return this.config.totpRequiredRoles.includes(role);
  }

  enrolled(staffId: string, db: DataSource | EntityManager = this.dataSource): Promise<boolean> {
    return staffTotpRepository.enrolled(db, staffId);
  }

  async status(staff: StaffPrincipal): Promise<SecondFactorStatus> {
    const state = await staffTotpRepository.state(this.dataSource, staff.id);
    return { enrolled: state.enrolled, required: this.requiredFor(staff.role), recoveryCodesLeft: state.recoveryCodesLeft };
  }

  /** A new secret (replacing any enrolment not confirmed yet); 409 when one is in use. */
  async startEnrolment(staff: StaffPrincipal): Promise<SecondFactorEnrolment> {
    const secret = newTotpSecret();
    const started = await staffTotpRepository.startEnrolment(this.dataSource, staff.id, this.protection.seal(secret, sealContext(staff.id)));
    if (!started) throw new ConflictSecondFactor();
    const otpauthUri = totpUri(secret, staff.email);
    return { secret, otpauthUri, qrCodeSvg: await qrCodeSvg(otpauthUri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }) };
  }

  /**
   * Confirms the pending enrolment with a code from the app: from now on signing in needs a code.
   * Answers the recovery codes (this once). Other sign-ins of the account end (one opened with
   * the password alone before enrolling must not carry on); `signIn` is the caller's, which stays.
   */
  async confirmEnrolment(staff: StaffPrincipal, code: string, signIn: string | undefined): Promise<{ enrolled: SecondFactorEnrolled; endedSignIns: string[] }> {
    const recoveryCodes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
    const endedSignIns = await this.dataSource.transaction(async (manager) => {
      const row = await staffTotpRepository.lock(manager, staff.id);
      if (!row) throw validationError([{ path: 'code', message: 'start the enrolment first' }]);
      if (row.confirmed) throw new ConflictSecondFactor();
      const step = matchingStep(this.protection.open<string>(row.secretSealed, sealContext(staff.id)), code);
      if (step === null) throw validationError([{ path: 'code', message: 'is not the code your authenticator app shows now' }]);
      await staffTotpRepository.confirm(manager, staff.id, step);
      await staffTotpRepository.replaceRecoveryCodes(
        manager,
        staff.id,
        recoveryCodes.map((recoveryCode) => this.protection.hashRecoveryCode(staff.id, normaliseRecoveryCode(recoveryCode))),
      );
      const ended = await staffSessionRepository.revokeOthersOf(manager, staff.id, signIn ?? null);
      await recordAudit(manager, {
        actorId: staff.id,
        action: 'staff.totp_enrolled',
        target: { kind: 'staff_user', id: staff.id },
        after: { recoveryCodes: recoveryCodes.length, otherSignInsEnded: ended.length },
      });
      return ended;
    });
    return {
      enrolled: { recoveryCodes, status: { enrolled: true, required: this.requiredFor(staff.role), recoveryCodesLeft: recoveryCodes.length } },
      endedSignIns,
    };
  }

  /** The member switches their second factor off with a current code; refused (403) when their role requires one. */
  async disable(staff: StaffPrincipal, code: string): Promise<void> {
    if (this.requiredFor(staff.role))
      throw new ForbiddenException('Your role must sign in with a second factor; an admin can reset it if you lost your authenticator.');
    await this.dataSource.transaction(async (manager) => {
      const row = await staffTotpRepository.lock(manager, staff.id);
      if (!row?.confirmed) throw new NotFoundException('You have no second factor to switch off');
      const step = matchingStep(this.protection.open<string>(row.secretSealed, sealContext(staff.id)), code);
      if (step === null || !(await staffTotpRepository.useStep(manager, staff.id, step))) {
        throw validationError([{ path: 'code', message: 'is not the code your authenticator app shows now' }]);
      }
      await staffTotpRepository.remove(manager, staff.id);
      await recordAudit(manager, { actorId: staff.id, action: 'staff.totp_disabled', target: { kind: 'staff_user', id: staff.id } });
    });
  }

  /**
   * A sign-in's second step: true when the code is valid and later than any used before (then it
   * is spent), or the recovery code is one of the account's unused ones (then it is spent, audited).
   */
  async verifyForSignIn(staffId: string, proof: SecondFactorProof): Promise<boolean> {
    if ('code' in proof) {
      const code = proof.code;
      return this.dataSource.transaction(async (manager) => {
        const row = await staffTotpRepository.lock(manager, staffId);
        if (!row?.confirmed) return false;
        const step = matchingStep(this.protection.open<string>(row.secretSealed, sealContext(staffId)), code);
        // useStep refuses a step at or before the last one used: a code works once.
        return step !== null && (await staffTotpRepository.useStep(manager, staffId, step));
      });
    }
    return this.dataSource.transaction(async (manager) => {
      const left = await staffTotpRepository.useRecoveryCode(
        manager,
        staffId,
        this.protection.hashRecoveryCode(staffId, normaliseRecoveryCode(proof.recoveryCode)),
      );
      if (left === null) return false;
      await recordAudit(manager, {
        actorId: staffId,
        action: 'staff.totp_recovery_used',
        target: { kind: 'staff_user', id: staffId },
        after: { recoveryCodesLeft: left },
      });
      return true;
    });
  }

  /**
   * An admin removes a member's second factor (a lost phone): audited, and every sign-in of theirs
   * ends; they sign in with their password and enrol again (at once, if their role requires one).
   * 404 when there is no such account or it has no second factor. Answers the ended sign-ins.
   */
  async reset(admin: StaffPrincipal, staffId: string): Promise<string[]> {
    return this.dataSource.transaction(async (manager) => {
      await staffSessionRepository.lockSessionsOf(manager, staffId);
      const member = await staffUserRepository.lockMember(manager, staffId);
      if (!member) throw new NotFoundException('No account with that id');
      const had = await staffTotpRepository.remove(manager, staffId);
      if (!had) throw new NotFoundException('This account has no second factor to reset');
      const ended = await staffSessionRepository.revokeAllOf(manager, staffId);
      await recordAudit(manager, {
        actorId: admin.id,
        action: 'staff.totp_reset',
        target: { kind: 'staff_user', id: staffId },
        before: { enrolled: true },
        after: { enrolled: false, signInsEnded: ended.length },
      });
      return ended;
    });
  }
}

/** 409: the account has a second factor in use; switch it off (or have an admin reset it) first. */
class ConflictSecondFactor extends ConflictException {
  constructor() {
    super('You have a second factor already. Switch it off first, or ask an admin to reset it.');
  }
}
