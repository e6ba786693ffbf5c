import { StaffRole } from '@sg/domain';
import { DataSource, EntityManager } from 'typeorm';

/** What a sign-in's second step sent: a code from the app, or one recovery code (normalised by the contract). */
export type SecondFactorProof = { code: string } | { recoveryCode: string };

/**
 * What the sign-in needs of the second factor. second-factor/ (SecondFactorService) provides it and
 * builds on auth/ (the signed-in member, their sessions), so the sign-in depends on this, not on
 * second-factor/: the folders would otherwise import each other. Also the Nest token.
 */
export abstract class SignInSecondFactor {
  abstract enrolled(staffId: string, db?: DataSource | EntityManager): Promise<boolean>;
  abstract verifyForSignIn(staffId: string, proof: SecondFactorProof): Promise<boolean>;
  abstract requiredFor(role: StaffRole): boolean;
}
