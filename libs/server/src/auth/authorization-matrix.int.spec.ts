import { randomUUID } from 'node:crypto';
import { intakeResponseSchema } from '@sg/contracts/schemas';
import { present, StaffRole } from '@sg/domain';
import * as z from 'zod';
import { bodyOf, createTestDatabase, intakeFixture, startTestApi, TestApi, TestDatabase, testConfig } from '../testing';

/**
 * Issue 4: "every endpoint declares who may call it; a missing token is 401, the wrong role 403".
 * The routes are discovered from the running app (Express's router, which is what is served),
 * so a new endpoint without an entry here fails this spec until someone states who may call it.
 */
type Access = 'public' | readonly StaffRole[];

const EVERYONE: readonly StaffRole[] = ['caseworker', 'supervisor', 'admin'];
const SUPERVISORS: readonly StaffRole[] = ['supervisor', 'admin'];
const ADMINS: readonly StaffRole[] = ['admin'];
const ROLES: readonly StaffRole[] = ['caseworker', 'supervisor', 'admin'];

/** Who may call each route ("METHOD path" as Express holds it). */
const MATRIX: Record<string, Access> = {
  // OpenAPI and Swagger UI
  'GET /api/docs': 'public',
  'GET /api/docs/': 'public',
  'GET /api/docs/index.html': 'public',
  'GET /api/docs/LICENSE': 'public',
  'GET /api/docs/swagger-ui-init.js': 'public',
  'GET /api/docs/docs/swagger-ui-init.js': 'public',
  'GET /api/docs-json': 'public',
  'GET /api/docs-yaml': 'public',
  'GET /api/health': 'public',
  // Signing in
  'POST /api/auth/login': 'public',
  'POST /api/auth/refresh': 'public',
  'POST /api/auth/logout': 'public',
  'POST /api/auth/queue-board': ADMINS,
  'GET /api/auth/me': EVERYONE,
  'PUT /api/auth/me/language': EVERYONE,
  'POST /api/auth/login/second-factor': 'public',
  'GET /api/auth/second-factor': EVERYONE,
  'POST /api/auth/second-factor/enrolment': EVERYONE,
  'POST /api/auth/second-factor/enrolment/confirm': EVERYONE,
  'POST /api/auth/second-factor/disable': EVERYONE,
  // The person asking for help
  'POST /api/intakes': 'public',
  'POST /api/case-access': 'public',
  'POST /api/case-access/plan-steps': 'public',
  'POST /api/case-access/additions': 'public',
  'GET /api/case-access/current': 'public',
  'POST /api/case-access/current/plan-steps': 'public',
  'POST /api/case-access/current/additions': 'public',
  'PUT /api/case-access/current/language': 'public',
  // The conversation: a session opened with reference + code (no staff token); its own 401 without one
  'POST /api/conversation/session': 'public',
  'DELETE /api/conversation/session': 'public',
  'GET /api/conversation': 'public',
  'POST /api/conversation/messages': 'public',
  'GET /api/conversation/stream': 'public',
  'GET /api/resources': 'public',
  'POST /api/resources': ADMINS,
  'PATCH /api/resources/:id': ADMINS,
  // Case work
  'GET /api/cases': EVERYONE,
  'GET /api/cases/counts': EVERYONE,
  'GET /api/cases/:id': EVERYONE,
  'POST /api/cases/:id/claim': EVERYONE,
  'POST /api/cases/:id/assign': SUPERVISORS,
  'PATCH /api/cases/:id': EVERYONE,
  'PATCH /api/cases/:id/plan-steps/:key': EVERYONE,
  'POST /api/cases/:id/notes': EVERYONE,
  'POST /api/cases/:id/evidence': EVERYONE,
  'PUT /api/cases/:id/evidence/:evidenceId': EVERYONE,
  'DELETE /api/cases/:id/evidence/:evidenceId': EVERYONE,
  'POST /api/cases/:id/contact-reveal': EVERYONE,
  'GET /api/cases/:id/audit': SUPERVISORS,
  'GET /api/cases/:id/referral-packet': EVERYONE,
  'GET /api/cases/:id/takedowns': EVERYONE,
  'POST /api/cases/:id/takedowns': EVERYONE,
  'PATCH /api/takedowns/:id': EVERYONE,
  'GET /api/cases/:id/reports': EVERYONE,
  'POST /api/cases/:id/reports': EVERYONE,
  'PATCH /api/reports/:id': EVERYONE,
  'GET /api/cases/:id/follow-ups': EVERYONE,
  'GET /api/cases/:id/conversation': EVERYONE,
  'GET /api/cases/:id/conversation/unread': EVERYONE,
  'POST /api/cases/:id/conversation/messages': EVERYONE,
  'POST /api/cases/:id/contacts': EVERYONE,
  'GET /api/saved-replies': EVERYONE,
  'POST /api/saved-replies': ADMINS,
  'PATCH /api/saved-replies/:id': ADMINS,
  'GET /api/notifications': EVERYONE,
  'POST /api/notifications/:id/done': EVERYONE,
  'GET /api/events': EVERYONE,
  // Supervision and administration
  'GET /api/staff': SUPERVISORS,
  'POST /api/staff': ADMINS,
  'PATCH /api/staff/:id': ADMINS,
  'POST /api/staff/:id/second-factor/reset': ADMINS,
  'GET /api/supervision/queue-health': SUPERVISORS,
  'GET /api/clusters': SUPERVISORS,
  'GET /api/clusters/:key': SUPERVISORS,
  'GET /api/clusters/:key/referral-packet': SUPERVISORS,
  'GET /api/cases/:id/links': EVERYONE,
  'POST /api/cases/:id/links': EVERYONE,
  'DELETE /api/cases/:id/links/:linkId': EVERYONE,
  'POST /api/cases/:id/merge': SUPERVISORS,
  'POST /api/cases/:id/unmerge': SUPERVISORS,
  'GET /api/trends': SUPERVISORS,
  'GET /api/trends/funders-export': SUPERVISORS,
  'GET /api/organisation/hours': EVERYONE,
  'PUT /api/organisation/hours': ADMINS,
  // Retention with legal hold
  'GET /api/organisation/retention': SUPERVISORS,
  'PUT /api/organisation/retention': ADMINS,
  'GET /api/cases/:id/legal-hold': EVERYONE,
  'POST /api/cases/:id/legal-hold': SUPERVISORS,
  'POST /api/cases/:id/legal-hold/release': SUPERVISORS,
  'POST /api/case-access/deletion': 'public',
  'POST /api/case-access/deletion/status': 'public',
  'POST /api/case-access/deletion/cancel': 'public',
};

/** Routes whose answer depends on a query: the narrower rule, checked beside the route's own. */
const QUERY_VARIANTS: Array<{ route: string; query: string; access: readonly StaffRole[] }> = [
  { route: 'GET /api/cases', query: 'queue=all', access: SUPERVISORS },
  { route: 'GET /api/resources', query: 'includeInactive=true', access: ADMINS },
  { route: 'GET /api/saved-replies', query: 'all=true', access: ADMINS },
];

/** The guard's own refusals; a public route may answer 401 or 403 for its own reasons, never these. */
const GUARD_REFUSAL = /^(Sign in to use this|Your sign-in has expired|This needs the )/;

/** The HTTP methods Express keeps on each route (`route.methods`, which its types leave out). */
const routeMethodsSchema = z.record(z.string(), z.boolean());

/** Any answer's `message`, as text (a list joined as `String` would); none at all is ''. */
const answerMessageSchema = z.looseObject({ message: z.unknown().optional() });
function messageOf(answer: unknown): string {
  const parsed = answerMessageSchema.safeParse(answer);
  const message = parsed.success ? parsed.data.message : undefined;
  if (message === undefined || message === null) return '';
  if (typeof message === 'string') return message;
  return Array.isArray(message) ? message.map((part) => (typeof part === 'string' ? part : JSON.stringify(part))).join(',') : JSON.stringify(message);
}

function discoverRoutes(api: TestApi): string[] {
  const stack = api.app.getHttpAdapter().getInstance().router.stack;
  const routes = new Set<string>();
  for (const layer of stack) {
    if (!layer.route) continue;
    const declared = routeMethodsSchema.parse('methods' in layer.route ? layer.route.methods : {});
    const methods = Object.keys(declared).filter((method) => declared[method]);
    // Middleware Nest mounts for every method (logging, the prefix) is not an endpoint.
    if (methods.length > 10) continue;
    for (const method of methods) if (method !== '_all') routes.add(`${method.toUpperCase()} ${layer.route.path}`);
  }
  return [...routes].sort();
}

describe('authorization matrix: every route, no token and each role', () => {
  let db: TestDatabase;
  let api: TestApi;
  let routes: string[];
  let tokens: Record<StaffRole, string>;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApi(db, testConfig(db.url));
    tokens = { caseworker: await api.tokenFor('caseworker'), supervisor: await api.tokenFor('supervisor'), admin: await api.tokenFor('admin') };
    routes = discoverRoutes(api);
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  /** A new unassigned case (a staff phone intake), so a caseworker may work it. */
  async function freshCase(): Promise<string> {
    const response = await api.request('POST', '/api/intakes', {
      token: tokens.caseworker,
      body: { ...intakeFixture(), submittedBy: 'staff', channel: 'phone' },
    });
    if (response.status !== 201) throw new Error(`could not create a case: ${response.status}`);
    return present(bodyOf(response, intakeResponseSchema).caseId, "the staff intake's case id");
  }

  async function concretePath(route: string, query?: string): Promise<string> {
    let path = route.slice(route.indexOf(' ') + 1);
    if (path.includes('/cases/:id')) path = path.replace(':id', await freshCase());
    path = path.replace(':id', randomUUID()).replace(':key', 'do_not_pay');
    return query ? `${path}?${query}` : path;
  }

  /** Status and message only; streams (events) are cut off once the status is known. */
  async function call(route: string, path: string, token?: string): Promise<{ status: number; message: string }> {
    const method = route.slice(0, route.indexOf(' '));
    const abort = new AbortController();
    const response = await fetch(`${api.baseUrl}${path}`, {
      method,
      signal: abort.signal,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(method === 'GET' ? {} : { 'content-type': 'application/json' }) },
      // An empty body: anything past the guards then stops at validation, which is still "allowed".
      body: method === 'GET' ? undefined : '{}',
    });
    let message = '';
    if ((response.headers.get('content-type') ?? '').includes('text/event-stream')) abort.abort();
    else message = messageOf(await response.json().catch(() => ({})));
    return { status: response.status, message };
  }

  it('has an entry for every route the app serves, and none for a route it does not', () => {
    expect(routes.length).toBeGreaterThan(40);
    expect(routes.filter((route) => !(route in MATRIX))).toEqual([]);
    expect(Object.keys(MATRIX).filter((route) => !routes.includes(route))).toEqual([]);
  });

  const publicRoutes = Object.entries(MATRIX)
    .filter(([, access]) => access === 'public')
    .map(([route]) => route);
  const staffRoutes = Object.entries(MATRIX).filter((entry): entry is [string, readonly StaffRole[]] => entry[1] !== 'public');

  it.each(publicRoutes)('%s: anyone may call it without a token', async (route) => {
    const { status, message } = await call(route, await concretePath(route));
    expect(message).not.toMatch(GUARD_REFUSAL);
    expect(status).toBeLessThan(500);
  });

  it.each(staffRoutes)('%s: 401 without a token; allowed for %j, 403 for the other roles', async (route, access) => {
    const anonymous = await call(route, await concretePath(route));
    expect({ route, status: anonymous.status }).toEqual({ route, status: 401 });
    for (const role of ROLES) {
      const { status, message } = await call(route, await concretePath(route), tokens[role]);
      if (access.includes(role)) {
        expect({ route, role, refused: [401, 403].includes(status) ? message : false }).toEqual({ route, role, refused: false });
      } else {
        expect({ route, role, status }).toEqual({ route, role, status: 403 });
      }
    }
  });

  it.each(QUERY_VARIANTS.map((variant) => [`${variant.route}?${variant.query}`, variant] as const))('%s: only %j', async (_name, variant) => {
    for (const role of ROLES) {
      const { status } = await call(variant.route, await concretePath(variant.route, variant.query), tokens[role]);
      if (variant.access.includes(role)) expect({ role, status }).not.toEqual({ role, status: 403 });
      else expect({ role, status }).toEqual({ role, status: 403 });
    }
  });

  it('refuses a forged, an expired-looking and a malformed token with 401 on a staff route', async () => {
    const [header, payload] = tokens.admin.split('.');
    expect((await call('GET /api/auth/me', '/api/auth/me', `${header}.${payload}.forged-signature`)).status).toBe(401);
    expect((await call('GET /api/auth/me', '/api/auth/me', 'not-a-jwt')).status).toBe(401);
    const response = await fetch(`${api.baseUrl}/api/auth/me`, { headers: { authorization: `Basic ${Buffer.from('admin:x').toString('base64')}` } });
    expect(response.status).toBe(401);
  });
});
