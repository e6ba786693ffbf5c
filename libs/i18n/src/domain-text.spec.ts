import {
  ActionPlanFacts,
  GENERIC_PLATFORM_KEYS,
  platformText,
  AGE_BANDS,
  buildActionPlan,
  CONTENT_POSTED_ANSWERS,
  LANGUAGES,
  RESOURCE_AUDIENCES,
  SELF_HARM_ANSWERS,
  STAFF_LANGUAGES,
  SUBMITTERS,
  TRIAGE_FACTORS,
  Translatable,
} from '@sg/domain';
import { translatorFor } from './all-catalogues';

/**
 * The domain says what to tell the person as keys and selectors; these tests say it. English must
 * read exactly as the plan always has (these are the sentences the domain spec used to assert),
 * and Malay and Spanish must have words for every variant the domain can produce.
 */
const adult: ActionPlanFacts = {
  submittedBy: 'victim',
  ageBand: '18_plus',
  contentMadeUnder18: false,
  country: 'US',
  selfHarm: 'none',
  immediateDanger: false,
  demands: ['more_images'],
  contentPosted: 'no',
  paid: false,
};
const en = translatorFor('en');
const english = (facts: Partial<ActionPlanFacts>) =>
  Object.fromEntries(buildActionPlan({ ...adult, ...facts }).map((step) => [step.key, { title: en.text(step.title), detail: en.text(step.detail) }]));

/** Every combination of the facts that change the plan's words. */
function everyPlanFacts(): ActionPlanFacts[] {
  const all: ActionPlanFacts[] = [];
  for (const submittedBy of SUBMITTERS)
    for (const ageBand of AGE_BANDS)
      for (const contentMadeUnder18 of [true, false, null])
        for (const contentPosted of CONTENT_POSTED_ANSWERS)
          for (const paid of [true, false, null])
            for (const selfHarm of SELF_HARM_ANSWERS)
              for (const immediateDanger of [true, false])
                for (const demands of [['money'], ['more_images']] as const)
                  all.push({ ...adult, submittedBy, ageBand, contentMadeUnder18, contentPosted, paid, selfHarm, immediateDanger, demands: [...demands] });
  return all;
}

describe('the action plan in English', () => {
  it('reads as it always has for the person themselves', () => {
    const plan = english({});
    expect(plan['preserve_evidence'].detail).toMatch(/never need it/);
    expect(plan['do_not_pay'].title).toBe('Do not pay and do not send anything more');
    expect(plan['stop_replying'].title).toBe('Stop replying, block them, keep the messages');
    expect(plan['stop_replying'].detail).toBe(
      'Stop talking to the person threatening you and block them. Do not delete the chat or your account: the messages are evidence. If you need a break, deactivate the account instead of deleting it.',
    );
    expect(plan['stopncii'].title).toBe('Use StopNCII.org to stop the pictures spreading');
    expect(plan['legal_options'].detail).toBe(
      'A lawyer can help with harassment, restraining orders, or a civil claim. Some organisations below give free legal information.',
    );
  });

  it('words both routes conditionally when the age is unknown', () => {
    const plan = english({ ageBand: 'unknown', contentMadeUnder18: null });
    expect(plan['take_it_down'].title).toMatch(/^If the pictures were taken before you were 18/);
    expect(plan['stopncii'].title).toMatch(/^If you are 18 or over/);
    expect(plan['report_child_protection'].title).toBe('If you were under 18: report to child protection');
  });

  it('points to the crisis lines whenever self-harm may be a risk', () => {
    const support = (facts: Partial<ActionPlanFacts>) => english(facts)['talk_to_someone'].detail;
    expect(support({ selfHarm: 'prefer_not_to_say' })).toMatch(/crisis lines on this page/);
    expect(support({ selfHarm: 'none' })).not.toMatch(/crisis lines/);
    expect(support({ selfHarm: 'prefer_not_to_say', submittedBy: 'parent_or_guardian', ageBand: '13_17' })).toMatch(/crisis lines on this page/);
    expect(english({ selfHarm: 'thoughts' })['get_safe_now']).toEqual({
      title: 'Get safe right now',
      detail:
        'If you might hurt yourself or are in danger, call one of the crisis lines on this page now, or your emergency number. You do not have to go through this alone.',
    });
  });

  it('asks the site to take it down, or says what to do if it turns up', () => {
    expect(english({ contentPosted: 'unknown' })['request_removal'].title).toMatch(/^If it turns up online/);
    expect(english({ contentPosted: 'yes' })['request_removal'].title).toBe('Ask the site to take it down');
    expect(english({ contentPosted: 'yes', submittedBy: 'parent_or_guardian' })['request_removal']).toEqual({
      title: 'Ask the site to take the pictures down',
      detail:
        'Save the link first, then use the site’s own form for private pictures shared without consent. Sites act faster on these than on ordinary reports. Your child does not have to look at the pictures for this.',
    });
  });

  it('keeps the legal options for minors, worded for them and for a parent', () => {
    expect(english({ ageBand: '13_17', contentMadeUnder18: true })['legal_options'].detail).toMatch(/trusted adult can help you/);
    expect(english({ submittedBy: 'parent_or_guardian', ageBand: 'under_13', contentMadeUnder18: true })['legal_options'].detail).toMatch(
      /As their parent, you can start this/,
    );
    expect(english({ submittedBy: 'trusted_adult', ageBand: '13_17', contentMadeUnder18: true })['legal_options'].detail).toMatch(
      /As an adult they trust, you can start this/,
    );
  });

  it('speaks to a parent or trusted adult about the young person, not to the victim', () => {
    const parent = english({ submittedBy: 'parent_or_guardian', ageBand: '13_17', contentMadeUnder18: true, selfHarm: 'thoughts', contentPosted: 'yes' });
    expect(parent['get_safe_now'].title).toBe('Make sure your child is safe right now');
    expect(parent['stop_replying'].detail).toMatch(/^Help your child stop talking/);
    expect(parent['report_child_protection'].detail).toMatch(/your child is not in trouble/);
    expect(parent['secure_accounts'].title).toBe('Lock down their accounts');
    expect(parent['take_it_down'].detail).toMatch(/on your child’s own phone/);
    // Nothing tells the parent that they are the one being threatened.
    for (const step of Object.values(parent))
      expect(`${step.title} ${step.detail}`).not.toMatch(/threatening you|you were under 18|if you might hurt yourself|your own phone/i);
    const adultHelper = english({ submittedBy: 'trusted_adult', ageBand: 'unknown', contentMadeUnder18: null });
    expect(adultHelper['take_it_down'].title).toBe('If the pictures were taken before the young person turned 18: use Take It Down');
    expect(adultHelper['stopncii'].title).toBe('If the young person is 18 or over: use StopNCII.org');
    expect(adultHelper['take_it_down'].detail).toMatch(/on their own phone/);
    expect(english({ submittedBy: 'trusted_adult' })['stop_replying'].detail).toMatch(/^Help the person you are helping stop/);
  });

  it('talks about money and talking early as it always has', () => {
    expect(english({ paid: true })['do_not_pay'].detail).toMatch(/Stop any more payments/);
    expect(english({ paid: true })['report_financial'].detail).toMatch(/^Tell your bank or payment app/);
    const parent = english({ submittedBy: 'parent_or_guardian', ageBand: '13_17' });
    expect(parent['talk_to_someone'].title).toBe('Stay close and listen');
    expect(parent['talk_early'].title).toBe('Keep talking about it');
    expect(english({ ageBand: '13_17', contentMadeUnder18: null })['take_it_down'].title).toBe('Use Take It Down to stop the pictures spreading');
  });
});

describe('the domain’s words in every language', () => {
  /** What went wrong saying `text`, or null: a missing key comes back as the key; a broken select leaves braces. */
  const problem = (language: string, text: Translatable, said: string) =>
    said === text.key || said.trim() === '' || /[{}]/.test(said) || /\bundefined\b/.test(said)
      ? `${language} ${text.key} ${JSON.stringify(text.params ?? {})}: "${said}"`
      : null;

  it('says every step of every plan, in every language, with no key or brace left', () => {
    const facts = everyPlanFacts();
    expect(facts.length).toBeGreaterThan(1000);
    const problems = new Set<string>();
    const seen = new Map<string, Translatable>();
    for (const fact of facts) for (const step of buildActionPlan(fact)) for (const text of [step.title, step.detail]) seen.set(JSON.stringify(text), text);
    for (const language of LANGUAGES) {
      const translator = translatorFor(language);
      for (const text of seen.values()) {
        const found = problem(language, text, translator.text(text));
        if (found) problems.add(found);
        if (language !== 'en' && !translator.has(text.key)) problems.add(`${language} ${text.key}: falls back to English`);
      }
    }
    expect([...problems]).toEqual([]);
  });

  it('never says a plan in Malay or Spanish in English words', () => {
    for (const language of ['ms', 'es'] as const) {
      const translator = translatorFor(language);
      for (const step of buildActionPlan({
        ...adult,
        submittedBy: 'parent_or_guardian',
        ageBand: 'unknown',
        contentMadeUnder18: null,
        contentPosted: 'yes',
        paid: true,
        selfHarm: 'thoughts',
      })) {
        expect(translator.text(step.title)).not.toBe(en.text(step.title));
        expect(translator.text(step.detail)).not.toBe(en.text(step.detail));
      }
    }
  });

  it('gives every resource reason in every language', () => {
    for (const language of LANGUAGES) {
      const translator = translatorFor(language);
      for (const audience of RESOURCE_AUDIENCES) {
        const text = { key: `person.resourceReasons.${audience}` };
        expect(problem(language, text, translator.text(text))).toBeNull();
        expect(translator.has(text.key)).toBe(true);
      }
    }
    expect(en.t('person.resourceReasons.support')).toBe('Someone to talk to about how you feel.');
    expect(en.t('person.resourceReasons.minors')).toMatch(/under 18/);
  });

  it('names every triage factor in every staff language', () => {
    expect(en.t(TRIAGE_FACTORS.self_harm_plan.label)).toBe('Has a plan or intent to self-harm');
    expect(en.t(TRIAGE_FACTORS.deadline_passed.label)).toBe("The threatener's deadline has passed");
    for (const language of STAFF_LANGUAGES) {
      const translator = translatorFor(language);
      for (const [key, factor] of Object.entries(TRIAGE_FACTORS)) {
        expect(factor.label).toBe(`staff.factors.${key}`);
        expect(translator.has(factor.label)).toBe(true);
      }
    }
  });

  it('keeps app names as they are and says generic platforms in every language', () => {
    for (const language of LANGUAGES) {
      const translator = translatorFor(language);
      expect(translator.text(platformText('tiktok'))).toBe('TikTok');
      expect(translator.text(platformText('some forum'))).toBe('some forum');
      for (const generic of GENERIC_PLATFORM_KEYS) {
        const text = { key: `person.platforms.${generic}` };
        expect(translator.has(text.key)).toBe(true);
        expect(problem(language, text, translator.text(text))).toBeNull();
      }
    }
    expect(en.text(platformText('not sure'))).toBe('Not sure');
    expect(translatorFor('ms').text(platformText('Not sure'))).toBe('Tidak pasti');
    expect(translatorFor('es').text(platformText('a game'))).toBe('Un juego');
  });
});
