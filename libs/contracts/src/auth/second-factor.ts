import * as z from 'zod';
import { text } from '../fields/text';

/** A TOTP code as people type it: six digits, spaces allowed (authenticator apps show `123 456`). */
const totpCode = text({ error: () => 'is required' })
  .transform((value) => value.replace(/\s+/g, ''))
  .pipe(text().regex(/^\d{6}$/, 'must be the 6 digits your authenticator app shows'));

/** A recovery code as people type it: case, spaces and dashes do not matter. */
const recoveryCode = text({ error: () => 'is required' })
  .max(64, 'is not a recovery code')
  .transform((value) => value.replace(/[\s-]+/g, '').toUpperCase())
  .pipe(text().regex(/^[0-9A-Z]{10}$/, 'is not a recovery code'));

/**
 * `POST /api/auth/login` answers this (200, no session yet) when the password was right and the
 * account has a second factor: send the challenge token with a code to `POST /api/auth/login/second-factor`.
 */
export interface SecondFactorChallenge {
  secondFactor: 'required';
  /** Single-purpose and short-lived: it opens nothing but the code step. */
  challengeToken: string;
  expiresInSeconds: number;
}

/** `POST /api/auth/login/second-factor`: the code from the authenticator app, or one recovery code. */
export const secondFactorSignInSchema = z
  .strictObject({
    challengeToken: text({ error: () => 'is required' })
      .min(1, 'is required')
      .max(2048),
    code: totpCode.optional(),
    recoveryCode: recoveryCode.optional(),
  })
  .refine((body) => (body.code === undefined) !== (body.recoveryCode === undefined), { message: 'send either a code or a recovery code', path: ['code'] });
export type SecondFactorSignIn = z.input<typeof secondFactorSignInSchema>;

/** `GET /api/auth/second-factor`: the signed-in member's own second factor. */
export interface SecondFactorStatus {
  enrolled: boolean;
  /** Their role must have one (TOTP_REQUIRED_ROLES): they cannot switch it off. */
  required: boolean;
  recoveryCodesLeft: number;
}

/**
 * `POST /api/auth/second-factor/enrolment`: a new secret, shown to the member only now, as a QR
 * code and as text for typing into the app by hand. It is not in use until confirmed with a code.
 */
export interface SecondFactorEnrolment {
  /** Base32, for typing in by hand. */
  secret: string;
  /** The otpauth:// URI the QR code holds. */
  otpauthUri: string;
  /** The QR code as an SVG document (no external resources). */
  qrCodeSvg: string;
}

/** `POST /api/auth/second-factor/enrolment/confirm` and `.../disable`: a current code. */
export const secondFactorCodeSchema = z.strictObject({ code: totpCode });
export type SecondFactorCode = z.input<typeof secondFactorCodeSchema>;

/** The confirmed enrolment: recovery codes, shown this once and stored only as keyed hashes. */
export interface SecondFactorEnrolled {
  recoveryCodes: string[];
  status: SecondFactorStatus;
}
