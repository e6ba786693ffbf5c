import { CaseFacts, hasSelfHarmRisk, routesFor } from '../intake/intake-facts';

/** Every step the plan can contain. Keys are stable: progress is stored against them. */
export const ACTION_PLAN_STEP_KEYS = [
  'get_safe_now',
  'do_not_pay',
  'stop_replying',
  'preserve_evidence',
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
 * The personal plan: the guidance every case works through, with the routes that fit this
 * person's facts. Written for someone frightened, maybe 14, maybe on a phone: short and plain.
 */
export function buildActionPlan(facts: ActionPlanFacts): ActionPlanStep[] {
  const routes = routesFor(facts);
  const forSomeoneElse = facts.submittedBy === 'parent_or_guardian' || facts.submittedBy === 'trusted_adult';
  const steps: StepText[] = [];

  if (hasSelfHarmRisk(facts)) {
    steps.push({
      key: 'get_safe_now',
      title: 'Get safe right now',
      detail: 'If you might hurt yourself or are in danger, call one of the crisis lines below now, or your emergency number. You do not have to go through this alone.',
    });
  }
  steps.push(
    {
      key: 'do_not_pay',
      title: 'Do not pay and do not send anything more',
      detail: facts.paid
        ? 'Stop any more payments. Paying again almost never ends it, and people who pay are often asked for more. Keep the payment details: they help the police.'
        : 'Paying almost never ends it, and people who pay are often asked for more. Do not send more pictures either.',
    },
    {
      key: 'stop_replying',
      title: 'Stop replying, block them, keep the messages',
      detail: 'Stop talking to the person threatening you and block them. Do not delete the chat or your account: the messages are evidence. If you need a break, deactivate the account instead of deleting it.',
    },
    {
      key: 'preserve_evidence',
      title: 'Save the evidence',
      detail: 'Take screenshots of the threats, their username and profile link, and the dates. Note any payment details (transaction IDs, wallet addresses, gift card codes). Never screenshot or send the private picture itself: we never need it.',
    },
    {
      key: 'report_platform',
      title: 'Report them on the app or site',
      detail: 'Use the app’s own report button on their profile and messages. Reporting does not tell them who reported.',
    },
  );
  if (routes.minor) {
    steps.push({
      key: 'report_child_protection',
      title: routes.adult ? 'If you were under 18: report to child protection' : 'Report it to child protection',
      detail:
        'Pictures of anyone under 18 are treated as child abuse material, and you are not in trouble for them. Child protection services can act quickly. See the reporting contacts below.',
    });
  }
  steps.push({
    key: 'report_police',
    title: 'Tell the police',
    detail: 'What is happening is a crime. The reporting contacts below are the right places for your country. Bring your saved evidence.',
  });
  if (facts.paid === true || facts.demands.includes('money')) {
    steps.push({
      key: 'report_financial',
      title: 'Report the money demand',
      detail: 'Tell your bank or payment app what happened and report the payment details to the police. Do not send more money.',
    });
  }
  if (routes.minor) {
    steps.push({
      key: 'take_it_down',
      title: routes.adult ? 'If the pictures were taken before you were 18: use Take It Down' : 'Use Take It Down to stop the pictures spreading',
      detail:
        'Take It Down makes a digital fingerprint of the picture on your own phone, so the picture never leaves it. Platforms use the fingerprint to find and remove copies.',
    });
  }
  if (routes.adult) {
    steps.push({
      key: 'stopncii',
      title: routes.minor ? 'If you are 18 or over: use StopNCII.org' : 'Use StopNCII.org to stop the pictures spreading',
      detail:
        'StopNCII.org makes a digital fingerprint of the picture on your own device; only the fingerprint is sent. Partner platforms use it to block copies.',
    });
  }
  steps.push(
    {
      key: 'talk_to_someone',
      title: forSomeoneElse ? 'Stay close and listen' : 'Talk to someone you trust',
      detail: forSomeoneElse
        ? 'What they need most is to hear that this is not their fault and that you are on their side. Keep checking in over the next days.'
        : 'This is not your fault. Telling a trusted adult, friend or a support line makes it easier to carry. The contacts below are free and confidential.',
    },
    {
      key: 'secure_accounts',
      title: 'Lock down your accounts',
      detail: 'Change your passwords, turn on two-step login, make your profiles private, and check who can find you by your phone number or email.',
    },
  );
  if (routes.adult) {
    steps.push({
      key: 'legal_options',
      title: 'Know your legal options',
      detail: 'A lawyer can help with harassment, restraining orders, or a civil claim. Some organisations below give free legal information.',
    });
  }
  if (forSomeoneElse) {
    steps.push({
      key: 'talk_early',
      title: 'Keep talking about it',
      detail: 'Talk openly about online pressure and threats with the young people around you, from primary-school age. Knowing they can come to you is what helps most.',
    });
  }
  return steps.map((step) => ({ ...step, done: false }));
}
