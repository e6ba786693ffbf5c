import { CaseFacts, hasSelfHarmRisk, routesFor } from '../intake/intake-facts';

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
  title: string;
  detail: string;
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
 * Who the plan speaks to. A parent or trusted adult filling in the form is told what to do for
 * the young person; everyone else (the person themselves, or staff reading it to them) is "you".
 */
interface Voice {
  helper: boolean;
  /** "your child", "the young person", "the person you are helping" */
  them: string;
}

function voiceFor(facts: ActionPlanFacts, routes: { minor: boolean; adult: boolean }): Voice {
  if (facts.submittedBy === 'parent_or_guardian') return { helper: true, them: 'your child' };
  if (facts.submittedBy === 'trusted_adult') return { helper: true, them: routes.minor ? 'the young person' : 'the person you are helping' };
  return { helper: false, them: 'you' };
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The personal plan: the guidance every case works through, with the routes that fit this
 * person's facts. Written for someone frightened, maybe 14, maybe on a phone: short and plain.
 */
export function buildActionPlan(facts: ActionPlanFacts): ActionPlanStep[] {
  const routes = routesFor(facts);
  const voice = voiceFor(facts, routes);
  const them = voice.them;
  const Them = capitalised(them);
  const posted = facts.contentPosted === 'yes';

  const takedown: StepText[] = [];
  if (facts.contentPosted !== 'no') {
    takedown.push({
      key: 'request_removal',
      title: posted
        ? voice.helper ? 'Ask the site to take the pictures down' : 'Ask the site to take it down'
        : voice.helper ? 'If the pictures turn up online: ask the site to take them down' : 'If it turns up online: ask the site to take it down',
      detail: voice.helper
        ? `Save the link first, then use the site’s own form for private pictures shared without consent. Sites act faster on these than on ordinary reports. ${Them} does not have to look at the pictures for this.`
        : 'Save the link first, then use the site’s own form for private pictures shared without consent. Sites act faster on these than on ordinary reports. You do not have to look at the pictures again to do this.',
    });
  }
  if (routes.minor) {
    takedown.push({
      key: 'take_it_down',
      title: voice.helper
        ? routes.adult ? `If the pictures were taken before ${them} turned 18: use Take It Down` : 'Use Take It Down to stop the pictures spreading'
        : routes.adult ? 'If the pictures were taken before you were 18: use Take It Down' : 'Use Take It Down to stop the pictures spreading',
      detail: voice.helper
        ? `Take It Down makes a digital fingerprint of the picture on ${them === 'your child' ? 'your child’s' : 'their'} own phone, so the picture never leaves it and nobody has to send it. Platforms use the fingerprint to find and remove copies.`
        : 'Take It Down makes a digital fingerprint of the picture on your own phone, so the picture never leaves it. Platforms use the fingerprint to find and remove copies.',
    });
  }
  if (routes.adult) {
    takedown.push({
      key: 'stopncii',
      title: voice.helper
        ? routes.minor ? `If ${them} is 18 or over: use StopNCII.org` : 'Use StopNCII.org to stop the pictures spreading'
        : routes.minor ? 'If you are 18 or over: use StopNCII.org' : 'Use StopNCII.org to stop the pictures spreading',
      detail: voice.helper
        ? 'StopNCII.org makes a digital fingerprint of the picture on their own device; only the fingerprint is sent. Partner platforms use it to block copies.'
        : 'StopNCII.org makes a digital fingerprint of the picture on your own device; only the fingerprint is sent. Partner platforms use it to block copies.',
    });
  }

  const steps: StepText[] = [];
  if (hasSelfHarmRisk(facts)) {
    steps.push({
      key: 'get_safe_now',
      title: voice.helper ? `Make sure ${them} is safe right now` : 'Get safe right now',
      detail: voice.helper
        ? `If ${them} might be hurt or is in danger, call one of the crisis lines on this page now, or your emergency number. Stay with them. Neither of you has to go through this alone.`
        : 'If you might hurt yourself or are in danger, call one of the crisis lines on this page now, or your emergency number. You do not have to go through this alone.',
    });
  }
  steps.push(
    {
      key: 'do_not_pay',
      title: voice.helper ? 'Do not pay, and make sure nothing more is sent' : 'Do not pay and do not send anything more',
      detail: facts.paid
        ? 'Stop any more payments. Paying again almost never ends it, and people who pay are often asked for more. Keep the payment details: they help the police.'
        : voice.helper
          ? 'Paying almost never ends it, and people who pay are often asked for more. No more pictures should be sent either.'
          : 'Paying almost never ends it, and people who pay are often asked for more. Do not send more pictures either.',
    },
    {
      key: 'stop_replying',
      title: 'Stop replying, block them, keep the messages',
      detail: voice.helper
        ? `Help ${them} stop talking to the person threatening them and block them. Do not delete the chat or the account: the messages are evidence. If a break is needed, deactivate the account instead of deleting it.`
        : 'Stop talking to the person threatening you and block them. Do not delete the chat or your account: the messages are evidence. If you need a break, deactivate the account instead of deleting it.',
    },
    {
      key: 'preserve_evidence',
      title: 'Save the evidence',
      detail: voice.helper
        ? 'Take screenshots of the threats, their username and profile link, and the dates. Note any payment details (transaction IDs, wallet addresses, gift card codes). Never screenshot, keep or send the private picture itself: we never need it, and nobody should.'
        : 'Take screenshots of the threats, their username and profile link, and the dates. Note any payment details (transaction IDs, wallet addresses, gift card codes). Never screenshot or send the private picture itself: we never need it.',
    },
  );
  // Once pictures are out, getting them down is what matters most after the first steps.
  if (posted) steps.push(...takedown);
  steps.push({
    key: 'report_platform',
    title: 'Report them on the app or site',
    detail: 'Use the app’s own report button on their profile and messages. Reporting does not tell them who reported.',
  });
  if (routes.minor) {
    steps.push({
      key: 'report_child_protection',
      title: voice.helper
        ? routes.adult ? `If ${them} was under 18: report to child protection` : 'Report it to child protection'
        : routes.adult ? 'If you were under 18: report to child protection' : 'Report it to child protection',
      detail: voice.helper
        ? `Pictures of anyone under 18 are treated as child abuse material, and ${them} is not in trouble for them. Child protection services can act quickly. See the reporting contacts below.`
        : 'Pictures of anyone under 18 are treated as child abuse material, and you are not in trouble for them. Child protection services can act quickly. See the reporting contacts below.',
    });
  }
  steps.push({
    key: 'report_police',
    title: 'Tell the police',
    detail: voice.helper
      ? 'What is happening is a crime. The reporting contacts below are the right places for your country. Bring the saved evidence.'
      : 'What is happening is a crime. The reporting contacts below are the right places for your country. Bring your saved evidence.',
  });
  if (facts.paid === true || facts.demands.includes('money')) {
    steps.push({
      key: 'report_financial',
      title: 'Report the money demand',
      detail: voice.helper
        ? 'Tell the bank or payment app what happened and report the payment details to the police. Do not send more money.'
        : 'Tell your bank or payment app what happened and report the payment details to the police. Do not send more money.',
    });
  }
  if (!posted) steps.push(...takedown);
  const crisisLines = mayNeedCrisisSupport(facts);
  steps.push(
    {
      key: 'talk_to_someone',
      title: voice.helper ? 'Stay close and listen' : 'Talk to someone you trust',
      detail: voice.helper
        ? `What ${them} needs most is to hear that this is not their fault and that you are on their side. Keep checking in over the next days.` +
          (crisisLines ? ' The crisis lines on this page are there for both of you, day and night.' : '')
        : 'This is not your fault. Telling a trusted adult, friend or a support line makes it easier to carry. The contacts below are free and confidential.' +
          (crisisLines ? ' If it ever feels like too much, the crisis lines on this page are there day and night.' : ''),
    },
    {
      key: 'secure_accounts',
      title: voice.helper ? 'Lock down their accounts' : 'Lock down your accounts',
      detail: voice.helper
        ? `Help ${them} change passwords, turn on two-step login, make profiles private, and check who can find them by phone number or email.`
        : 'Change your passwords, turn on two-step login, make your profiles private, and check who can find you by your phone number or email.',
    },
    {
      key: 'legal_options',
      title: 'Know the legal options',
      detail: legalOptionsText(voice, routes),
    },
  );
  if (voice.helper) {
    steps.push({
      key: 'talk_early',
      title: 'Keep talking about it',
      detail: 'Talk openly about online pressure and threats with the young people around you, from primary-school age. Knowing they can come to you is what helps most.',
    });
  }
  return steps.map((step) => ({ ...step, done: false }));
}

/** Legal routes exist for minors too; a parent or the police usually starts them. */
function legalOptionsText(voice: Voice, routes: { minor: boolean; adult: boolean }): string {
  if (voice.helper) {
    return routes.minor
      ? `A lawyer can explain what can be done, such as a protection order or a claim against the person. As ${voice.them === 'your child' ? 'their parent' : 'an adult they trust'}, you can start this with them. Some organisations below give free legal information.`
      : 'A lawyer can help with harassment, restraining orders, or a civil claim. Some organisations below give free legal information.';
  }
  return routes.minor && !routes.adult
    ? 'The law protects you. A parent, carer or other trusted adult can help you talk to a lawyer or the police about a protection order or other action. Some organisations below give free legal information.'
    : 'A lawyer can help with harassment, restraining orders, or a civil claim. Some organisations below give free legal information.';
}

/** A stored step, as reconciling needs it. */
export interface StoredPlanStep {
  key: ActionPlanStepKey;
  title: string;
  detail: string;
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
    const before = existing.slice(0, index).reverse().find((earlier) => steps.some((s) => s.key === earlier.key));
    const at = before ? steps.findIndex((s) => s.key === before.key) + 1 : 0;
    steps.splice(at, 0, step);
  });
  const changed =
    steps.length !== existing.length ||
    steps.some((step, index) => step.key !== existing[index]?.key || step.title !== existing[index]?.title || step.detail !== existing[index]?.detail);
  return { steps, added, removed, keptDone, changed };
}
