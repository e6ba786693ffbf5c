import { API_PREFIX, API_ROUTES } from '@sg/contracts';

/*
 * The parts of @sg/contracts the public pages need to draw a screen. Its main entry is zod-free,
 * so these cost the first screen nothing; the schemas (zod, ~25 kB gzipped plus parse time) come
 * from @sg/contracts/schemas with loadContracts(), when answers are first checked.
 */

type ApiPath<R extends keyof typeof API_ROUTES, Rest extends string = ''> = `/${typeof API_PREFIX}/${(typeof API_ROUTES)[R]}${Rest}`;

export const PUBLIC_API: {
  resources: ApiPath<'resources'>;
  intakes: ApiPath<'intakes'>;
  caseAccess: ApiPath<'caseAccess'>;
  planSteps: ApiPath<'caseAccess', '/plan-steps'>;
  additions: ApiPath<'caseAccess', '/additions'>;
  currentCase: ApiPath<'caseAccess', '/current'>;
  currentPlanSteps: ApiPath<'caseAccess', '/current/plan-steps'>;
  currentAdditions: ApiPath<'caseAccess', '/current/additions'>;
  conversation: ApiPath<'conversation'>;
  conversationSession: ApiPath<'conversation', '/session'>;
  conversationMessages: ApiPath<'conversation', '/messages'>;
  conversationStream: ApiPath<'conversation', '/stream'>;
} = {
  resources: `/${API_PREFIX}/${API_ROUTES.resources}`,
  intakes: `/${API_PREFIX}/${API_ROUTES.intakes}`,
  caseAccess: `/${API_PREFIX}/${API_ROUTES.caseAccess}`,
  planSteps: `/${API_PREFIX}/${API_ROUTES.caseAccess}/plan-steps`,
  additions: `/${API_PREFIX}/${API_ROUTES.caseAccess}/additions`,
  currentCase: `/${API_PREFIX}/${API_ROUTES.caseAccess}/current`,
  currentPlanSteps: `/${API_PREFIX}/${API_ROUTES.caseAccess}/current/plan-steps`,
  currentAdditions: `/${API_PREFIX}/${API_ROUTES.caseAccess}/current/additions`,
  conversation: `/${API_PREFIX}/${API_ROUTES.conversation}`,
  conversationSession: `/${API_PREFIX}/${API_ROUTES.conversation}/session`,
  conversationMessages: `/${API_PREFIX}/${API_ROUTES.conversation}/messages`,
  conversationStream: `/${API_PREFIX}/${API_ROUTES.conversation}/stream`,
};

export { CASE_SESSION_HEADER, IDEMPOTENCY_KEY_HEADER, MAX_ALIAS_LENGTH, MAX_CONTENT_URLS, MAX_NARRATIVE_LENGTH, MAX_PLATFORMS } from '@sg/contracts';

/** The contract's schemas, loaded once, when answers are first checked (or a little before). */
export function loadContracts(): Promise<typeof import('./contract-schemas')> {
  return import('./contract-schemas');
}
