import { CaseFacts, hasSelfHarmRisk, routesFor } from '../intake/intake-facts';
import { Translatable, translatable, TranslatableParams } from '../language/translatable';

/** Every step the plan can contain. Keys are stable: progress is stored against them. */
export const ACTION_PLAN_STEP_KEYS = [
  'get_safe_now',
  'do_not_pay',
  'stop_replying',
  'preserve_evidence',
  'request_removal',
  'report_platform',
  'report_child_protection',
  'report_police',
  'report_financial',
  'take_it_down',
  'stopncii',
  'talk_to_someone',
  'secure_accounts',
  'legal_options',
  'talk_early',
] as const;
export type ActionPlanStepKey = (typeof ACTION_PLAN_STEP_KEYS)[number];

export interface ActionPlanStep {
  key: ActionPlanStepKey;
  /** `person.plan.<key>.title` with the selectors its wording needs (see `planText`). */
  title: Translatable;
  detail: Translatable;
  done: boolean;
}

export type ActionPlanFacts = Pick<
  CaseFacts,
  'submittedBy' | 'ageBand' | 'contentMadeUnder18' | 'country' | 'selfHarm' | 'immediateDanger' | 'demands' | 'contentPosted' | 'paid'
>;

type StepText = Omit<ActionPlanStep, 'done'>;

/**
 * Crisis and support contacts belong in front of anyone who might be at risk. Someone who
 * prefers not to say is treated as possibly at risk for what they are shown, though not for
 * priority (triage only acts on what was said).
 */
export function mayNeedCrisisSupport(facts: Pick<CaseFacts, 'selfHarm' | 'immediateDanger'>): boolean {
  return hasSelfHarmRisk(facts) || facts.selfHarm === 'prefer_not_to_say';
}

/**
 * Who the plan speaks to, as selectors for the catalogue's ICU `select`s (never English words:
 * Malay and Spanish build these sentences differently). A parent or trusted adult filling in the
 * form is a `helper`, told what to do for the young person; everyone else (the person themselves,
 * or staff reading it to them) is `self`, spoken to as "you".
 */
type VoiceSelector = 'helper' | 'self';
/** Who a helper is helping: `child` (a parent's), `young` (a minor), `person` (an adult); `self` otherwise. */
type ThemSelector = 'child' | 'young' | 'person' | 'self';
/** Which routes apply: only the under-18 one, only the adult one, or both (age unknown: worded "if"). */
type RouteSelector = 'minor' | 'adult' | 'both';

interface Voice {
  voice: VoiceSelector;
  them: ThemSelector;
}

function voiceFor(facts: ActionPlanFacts, routes: { minor: boolean; adult: boolean }): Voice {
  if (facts.submittedBy === 'parent_or_guardian') return { voice: 'helper', them: 'child' };
  if (facts.submittedBy === 'trusted_adult') return { voice: 'helper', them: routes.minor ? 'young' : 'person' };
  return { voice: 'self', them: 'self' };
}

function routeFor(routes: { minor: boolean; adult: boolean }): RouteSelector {
  if (routes.minor && routes.adult) return 'both';
  return routes.minor ? 'minor' : 'adult';
}

const yesNo = (value: boolean) => (value ? 'yes' : 'no');

/** A step's title and detail: `person.plan.<key>.title` / `.detail`, each with the selectors it uses. */
function step(key: ActionPlanStepKey, title: TranslatableParams | undefined, detail: TranslatableParams | undefined): StepText {
  return { key, title: translatable(`person.plan.${key}.title`, title), detail: translatable(`person.plan.${key}.detail`, detail) };
}

/**
 * The personal plan: the guidance every case works through, with the routes that fit this
 * person's facts. Written for someone frightened, maybe 14, maybe on a phone: short and plain.
 * The words are in the catalogues (`person.plan.*`); each step says which variant applies.
 */
export function buildActionPlan(facts: ActionPlanFacts): ActionPlanStep[] {
  const routes = routesFor(facts);
  const { voice, them } = voiceFor(facts, routes);
  const route = routeFor(routes);
  const posted = facts.contentPosted === 'yes';

  const takedown: StepText[] = [];
  if (facts.contentPosted !== 'no') takedown.push(step('request_removal', { voice, posted: yesNo(posted) }, { voice, them }));
  if (routes.minor) takedown.push(step('take_it_down', { voice, them, route }, { voice, them }));
  if (routes.adult) takedown.push(step('stopncii', { voice, them, route }, { voice }));

  const steps: StepText[] = [];
  if (hasSelfHarmRisk(facts)) steps.push(step('get_safe_now', { voice, them }, { voice, them }));
  steps.push(
    step('do_not_pay', { voice }, { voice, paid: yesNo(facts.paid === true) }),
    step('stop_replying', undefined, { voice, them }),
    step('preserve_evidence', undefined, { voice }),
  );
  // Once pictures are out, getting them down is what matters most after the first steps.
  if (posted) steps.push(...takedown);
  steps.push(step('report_platform', undefined, undefined));
  if (routes.minor) steps.push(step('report_child_protection', { voice, them, route }, { voice, them }));
  steps.push(step('report_police', undefined, { voice }));
  if (facts.paid === true || facts.demands.includes('money')) steps.push(step('report_financial', undefined, { voice }));
  if (!posted) steps.push(...takedown);
  steps.push(
    step('talk_to_someone', { voice }, { voice, them, crisis: yesNo(mayNeedCrisisSupport(facts)) }),
    step('secure_accounts', { voice }, { voice, them }),
    // Legal routes exist for minors too; a parent or the police usually starts them.
    step('legal_options', undefined, { voice, them, route }),
  );
  if (voice === 'helper') steps.push(step('talk_early', undefined, undefined));
  return steps.map((s) => ({ ...s, done: false }));
}

/** The same words: same key and the same parameters (in any order). Stored steps come back from JSON. */
function sameTranslatable(a: Translatable, b: Translatable | undefined): boolean {
  if (!b || a.key !== b.key) return false;
  const ap = a.params ?? {};
  const bp = b.params ?? {};
  const keys = Object.keys(ap);
  return keys.length === Object.keys(bp).length && keys.every((key) => ap[key] === bp[key]);
}

/** A stored step, as reconciling needs it. */
export interface StoredPlanStep {
  key: ActionPlanStepKey;
  title: Translatable;
  detail: Translatable;
  done: boolean;
}

export interface PlanReconciliation<S extends StoredPlanStep> {
  /** The plan as it should be stored now, in order: existing rows keep their progress. */
  steps: Array<S | ActionPlanStep>;
  /** Steps the new facts call for that the case did not have. */
  added: ActionPlanStepKey[];
  /** Steps no longer relevant and not yet done: removed. */
  removed: ActionPlanStepKey[];
  /** Steps no longer relevant that someone had already done: kept, so no tick is lost. */
  keptDone: ActionPlanStepKey[];
  /** True when anything differs from what is stored (order, wording, steps). */
  changed: boolean;
}

/**
 * The plan after facts changed: the steps the new facts call for, in their order and wording,
 * with each existing step's progress kept. A step that no longer applies goes only if nobody
 * ticked it; a ticked one stays where it was, so work already done never disappears.
 */
export function reconcileActionPlan<S extends StoredPlanStep>(existing: readonly S[], facts: ActionPlanFacts): PlanReconciliation<S> {
  const wanted = buildActionPlan(facts);
  const stored = new Map(existing.map((step) => [step.key, step]));
  const wantedKeys = new Set(wanted.map((step) => step.key));
  const steps: Array<S | ActionPlanStep> = wanted.map((step) => {
    const current = stored.get(step.key);
    return current ? { ...current, title: step.title, detail: step.detail } : step;
  });
  const added = wanted.filter((step) => !stored.has(step.key)).map((step) => step.key);
  const removed: ActionPlanStepKey[] = [];
  const keptDone: ActionPlanStepKey[] = [];
  existing.forEach((step, index) => {
    if (wantedKeys.has(step.key)) return;
    if (!step.done) {
      removed.push(step.key);
      return;
    }
    keptDone.push(step.key);
    // After the nearest earlier step that is still in the plan (or first, if none is).
    const before = existing
      .slice(0, index)
      .reverse()
      .find((earlier) => steps.some((s) => s.key === earlier.key));
    const at = before ? steps.findIndex((s) => s.key === before.key) + 1 : 0;
    steps.splice(at, 0, step);
  });
  const changed =
    steps.length !== existing.length ||
    steps.some((step, index) => {
      const before = existing[index];
      return !before || step.key !== before.key || !sameTranslatable(step.title, before.title) || !sameTranslatable(step.detail, before.detail);
    });
  return { steps, added, removed, keptDone, changed };
}
