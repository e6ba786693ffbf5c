import { FormArray, FormControl, NonNullableFormBuilder } from '@angular/forms';
import type { AgeBand, ContactChannel, ContentPostedAnswer, SelfHarmAnswer } from '@sg/domain';
import { PlatformRowForm, platformRowForm } from '../ui/platform-rows';
import { IntakeAnswers, SubmitterAnswer, YesNoUnknown, emptyAnswers } from './intake-answers';

/** The wizard's typed form. Nothing is required here: the contract's schema decides at submit. */
export function buildIntakeForm(fb: NonNullableFormBuilder) {
  return fb.group({
    about: fb.group({
      submittedBy: fb.control<SubmitterAnswer | null>(null),
      ageBand: fb.control<AgeBand | null>(null),
      contentMadeUnder18: fb.control<YesNoUnknown | null>(null),
    }),
    safety: fb.group({
      selfHarm: fb.control<SelfHarmAnswer | null>(null),
      immediateDanger: fb.control<YesNoUnknown | null>(null),
    }),
    happening: fb.group({
      demands: fb.group({
        money: fb.control(false),
        more_images: fb.control(false),
        meeting: fb.control(false),
        relationship: fb.control(false),
        other: fb.control(false),
      }),
      deadline: fb.control(''),
      contentPosted: fb.control<ContentPostedAnswer | null>(null),
      stillInContact: fb.control<YesNoUnknown | null>(null),
      paid: fb.control<YesNoUnknown | null>(null),
    }),
    where: fb.group({
      country: fb.control(''),
      platforms: fb.array<PlatformRowForm>([]),
      contentUrls: fb.array<FormControl<string>>([]),
      narrative: fb.control(''),
    }),
    contact: fb.group({
      alias: fb.control(''),
      channel: fb.control<ContactChannel | null>(null),
      value: fb.control(''),
      safeTimes: fb.control(''),
      canMentionOrganisation: fb.control<YesNoUnknown | null>(null),
      storeData: fb.control(false),
      contactMe: fb.control(false),
    }),
  });
}

export type IntakeForm = ReturnType<typeof buildIntakeForm>;

/**
 * Puts saved answers back into the form. Lists are resized first (patchValue cannot add rows),
 * and anything missing from an older saved copy falls back to the empty answer.
 */
export function restoreAnswers(form: IntakeForm, fb: NonNullableFormBuilder, saved: IntakeAnswers | null, country: string | null): void {
  const empty = emptyAnswers(country);
  const answers: IntakeAnswers = {
    about: { ...empty.about, ...saved?.about },
    safety: { ...empty.safety, ...saved?.safety },
    happening: { ...empty.happening, ...saved?.happening, demands: { ...empty.happening.demands, ...saved?.happening?.demands } },
    where: { ...empty.where, ...saved?.where },
    contact: { ...empty.contact, ...saved?.contact },
  };
  if (!answers.where.country) answers.where.country = empty.where.country;
  const platforms = answers.where.platforms.length ? answers.where.platforms : empty.where.platforms;
  const contentUrls = answers.where.contentUrls.length ? answers.where.contentUrls : empty.where.contentUrls;
  setRows(
    form.controls.where.controls.platforms,
    platforms.map((row) => platformRowForm(fb, row)),
  );
  setRows(
    form.controls.where.controls.contentUrls,
    contentUrls.map((url) => fb.control(url)),
  );
  form.patchValue({ ...answers, where: { ...answers.where, platforms, contentUrls } });
}

function setRows<T extends PlatformRowForm | FormControl<string>>(array: FormArray<T>, rows: T[]): void {
  array.clear({ emitEvent: false });
  for (const row of rows) array.push(row, { emitEvent: false });
}
