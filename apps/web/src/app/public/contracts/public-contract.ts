import type {
  API_PREFIX,
  API_ROUTES,
  IDEMPOTENCY_KEY_HEADER as ContractIdempotencyHeader,
  MAX_ALIAS_LENGTH as ContractMaxAlias,
  MAX_CONTENT_URLS as ContractMaxContentUrls,
  MAX_NARRATIVE_LENGTH as ContractMaxNarrative,
  MAX_PLATFORMS as ContractMaxPlatforms,
} from '@sg/contracts';

/*
 * The parts of @sg/contracts the public pages need to draw a screen, as local constants.
 * Why not import them: loading @sg/contracts builds every zod schema (~25 kB gzipped plus its
 * parse time), which would sit between a frightened person and the first screen. Each constant
 * is typed as the contract's own literal, so it stops compiling the moment the contract changes.
 * The schemas themselves arrive with loadContracts(), when answers are first checked.
 */

type ApiPath<R extends keyof typeof API_ROUTES, Rest extends string = ''> = `/${typeof API_PREFIX}/${(typeof API_ROUTES)[R]}${Rest}`;

export const PUBLIC_API: {
  resources: ApiPath<'resources'>;
  intakes: ApiPath<'intakes'>;
  caseAccess: ApiPath<'caseAccess'>;
  planSteps: ApiPath<'caseAccess', '/plan-steps'>;
  additions: ApiPath<'caseAccess', '/additions'>;
} = {
  resources: '/api/resources',
  intakes: '/api/intakes',
  caseAccess: '/api/case-access',
  planSteps: '/api/case-access/plan-steps',
  additions: '/api/case-access/additions',
};

export const IDEMPOTENCY_KEY_HEADER: typeof ContractIdempotencyHeader = 'Idempotency-Key';
export const MAX_PLATFORMS: typeof ContractMaxPlatforms = 20;
export const MAX_CONTENT_URLS: typeof ContractMaxContentUrls = 50;
export const MAX_NARRATIVE_LENGTH: typeof ContractMaxNarrative = 5000;
export const MAX_ALIAS_LENGTH: typeof ContractMaxAlias = 80;

/** The contract's schemas, loaded once, when answers are first checked (or a little before). */
export function loadContracts(): Promise<typeof import('./contract-schemas')> {
  return import('./contract-schemas');
}
