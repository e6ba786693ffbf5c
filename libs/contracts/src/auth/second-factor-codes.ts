/** The machine code of the 403 a sign-in gets while its role requires a second factor it has not enrolled. */
export const SECOND_FACTOR_ENROLMENT_REQUIRED = 'second_factor_enrolment_required';

/** How many single-use recovery codes an enrolment gives. */
export const RECOVERY_CODE_COUNT = 10;
