import { STAFF_LANGUAGES } from '@sg/domain';
import * as z from 'zod';
import { responseSchemaOf } from '../fields/response-schema';
import { LoginResponse, StaffUserView } from './login';
import { SecondFactorChallenge, SecondFactorEnrolled, SecondFactorEnrolment, SecondFactorStatus } from './second-factor';

const STAFF_ROLE_VALUES = ['caseworker', 'supervisor', 'admin'] as const;

export const staffUserViewSchema = responseSchemaOf<StaffUserView>()(
  z.strictObject({ id: z.string(), email: z.string(), displayName: z.string(), role: z.enum(STAFF_ROLE_VALUES), language: z.enum(STAFF_LANGUAGES) }),
);

export const loginResponseSchema = responseSchemaOf<LoginResponse>()(
  z.strictObject({
    accessToken: z.string(),
    user: staffUserViewSchema,
    enrolmentRequired: z.literal(true).optional().meta({ description: 'The role needs a second factor not yet enrolled: this sign-in reaches only enrolment' }),
  }),
);

export const secondFactorChallengeSchema = responseSchemaOf<SecondFactorChallenge>()(
  z.strictObject({ secondFactor: z.literal('required'), challengeToken: z.string(), expiresInSeconds: z.number().int() }),
);

/** `POST /api/auth/login`: signed in, or (the account has a second factor) the code step's challenge. */
export const loginAnswerSchema = responseSchemaOf<LoginResponse | SecondFactorChallenge>()(z.union([loginResponseSchema, secondFactorChallengeSchema]));

export const secondFactorStatusSchema = responseSchemaOf<SecondFactorStatus>()(
  z.strictObject({ enrolled: z.boolean(), required: z.boolean(), recoveryCodesLeft: z.number().int() }),
);

export const secondFactorEnrolmentSchema = responseSchemaOf<SecondFactorEnrolment>()(
  z.strictObject({ secret: z.string(), otpauthUri: z.string(), qrCodeSvg: z.string() }),
);

export const secondFactorEnrolledSchema = responseSchemaOf<SecondFactorEnrolled>()(
  z.strictObject({ recoveryCodes: z.array(z.string()), status: secondFactorStatusSchema }),
);
