import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { FormControl, NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import type { CaseAccessView, CaseAdditionRequest, SessionAdditionRequest } from '@sg/contracts';
import { loadContracts, MAX_NARRATIVE_LENGTH } from '../contracts/public-contract';
import type { ContentPostedAnswer } from '@sg/domain';
import { firstValueFrom } from 'rxjs';
import { UNKNOWN_PLATFORM, localDateTimeToIso, normaliseUrl } from '../intake/intake-answers';
import { AnswerIssue, friendlyMessage } from '../intake/intake-errors';
import { CharacterCount } from '../ui/character-count';
import { describedBy, FieldError, fieldId } from '../ui/field-error';
import { toHttpProblem } from '../ui/http-problem';
import { LinkRows } from '../ui/link-rows';
import { PlatformRowForm, PlatformRows, platformRowForm } from '../ui/platform-rows';
import { CaseAccessApi, OpenCaseKey, isSessionKey } from './case-access-api';
import { I18n } from '../../system/i18n/i18n';
import { TranslatePipe } from '../../system/i18n/translate.pipe';
import { waitWords } from './wait-words';

const NOTHING_ADDED = 'person.myCase.add.nothingAdded';

/** Adding what has changed since: a note, a new deadline, something posted, more accounts or links. */
@Component({
  selector: 'sg-add-information',
  imports: [ReactiveFormsModule, FieldError, PlatformRows, LinkRows, CharacterCount, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './add-information.html',
  styles: `
    .more {
      margin: 0 0 1.5rem;
      summary {
        display: list-item;
        padding: 0.55rem 0;
        font-weight: 600;
        color: var(--accent);
        cursor: pointer;
      }
    }
    .saved {
      padding: 0.75rem 1rem;
      background: var(--accent-soft);
      border-radius: 8px;
    }
  `,
})
export class AddInformation {
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly api = inject(CaseAccessApi);
  private readonly i18n = inject(I18n);

  /** The open case: its conversation session, or the code held in memory when no session could be opened. */
  readonly caseKey = input.required<OpenCaseKey>();
  readonly added = output<CaseAccessView>();

  protected readonly form = this.fb.group({
    note: this.fb.control(''),
    deadline: this.fb.control(''),
    contentPosted: this.fb.control<ContentPostedAnswer | null>(null),
    platforms: this.fb.array<PlatformRowForm>([platformRowForm(this.fb)]),
    contentUrls: this.fb.array<FormControl<string>>([this.fb.control('')]),
  });
  protected readonly errors = signal<Record<string, string>>({});
  protected readonly sending = signal(false);
  protected readonly status = signal<'idle' | 'saved' | 'failed' | 'too-large' | { waitSeconds: number }>('idle');
  protected readonly ids = { note: fieldId('note'), deadline: fieldId('deadline') };
  /** The note's limit: the same as the intake's story (the contract's `note` max). */
  protected readonly maxNote = MAX_NARRATIVE_LENGTH;
  protected readonly describedBy = describedBy;
  protected readonly waitWords = waitWords;

  protected async send(): Promise<void> {
    if (this.sending()) return;
    const { caseAdditionSchema, sessionAdditionSchema, formatFieldPath } = await loadContracts();
    const { request, platformRows, urlRows } = this.toRequest();
    const key = this.caseKey();
    // The same checks as the server's: with a session the body is the addition alone, else it carries the code.
    const checked = isSessionKey(key) ? sessionAdditionSchema.safeParse(request) : caseAdditionSchema.safeParse({ ...key.credentials, ...request });
    this.status.set('idle');
    if (!checked.success) {
      this.showErrors(
        checked.error.issues.map((issue) => ({
          path: formatFieldPath(issue.path),
          message: issue.message,
          code: issue.code,
          maximum: issue.code === 'too_big' ? Number(issue.maximum) : undefined,
          origin: issue.code === 'too_big' ? issue.origin : undefined,
        })),
        platformRows,
        urlRows,
      );
      return;
    }
    this.errors.set({});
    this.sending.set(true);
    try {
      const view = await firstValueFrom(
        // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion -- without a session, `checked` is caseAdditionSchema's result (the same isSessionKey test above chose the schema).
        isSessionKey(key) ? this.api.addInSession(key.session, checked.data) : this.api.add(checked.data as CaseAdditionRequest),
      );
      this.reset();
      this.status.set('saved');
      this.added.emit(view);
    } catch (error) {
      const problem = toHttpProblem(error);
      if (problem.kind === 'invalid') this.showErrors(problem.errors, platformRows, urlRows);
      else if (problem.kind === 'rate-limited') this.status.set({ waitSeconds: problem.retryAfterSeconds });
      else if (problem.kind === 'too-large') this.status.set('too-large');
      else this.status.set('failed');
    } finally {
      this.sending.set(false);
    }
  }

  protected hasRowErrors(): boolean {
    return Object.keys(this.errors()).some((path) => path.startsWith('platforms') || path.startsWith('contentUrls'));
  }

  protected waitSeconds(): number | null {
    const status = this.status();
    return typeof status === 'object' ? status.waitSeconds : null;
  }

  private toRequest(): { request: SessionAdditionRequest; platformRows: number[]; urlRows: number[] } {
    const value = this.form.getRawValue();
    const note = value.note.trim();
    const deadlineAt = localDateTimeToIso(value.deadline);
    const platformRows: number[] = [];
    const platforms = value.platforms.flatMap((row, index) => {
      const offenderHandle = row.offenderHandle.trim();
      const profileUrl = normaliseUrl(row.profileUrl);
      if (!row.platform.trim() && !offenderHandle && !profileUrl) return [];
      platformRows.push(index);
      return [{ platform: row.platform.trim() || UNKNOWN_PLATFORM, ...(offenderHandle ? { offenderHandle } : {}), ...(profileUrl ? { profileUrl } : {}) }];
    });
    const urlRows: number[] = [];
    const contentUrls = value.contentUrls.flatMap((url, index) => {
      const normalised = normaliseUrl(url);
      if (!normalised) return [];
      urlRows.push(index);
      return [normalised];
    });
    const request: SessionAdditionRequest = {
      ...(note ? { note } : {}),
      ...(deadlineAt ? { deadlineAt } : {}),
      ...(value.contentPosted ? { contentPosted: value.contentPosted } : {}),
      ...(platforms.length ? { platforms } : {}),
      ...(contentUrls.length ? { contentUrls } : {}),
    };
    return { request, platformRows, urlRows };
  }

  private showErrors(errors: readonly AnswerIssue[], platformRows: number[], urlRows: number[]): void {
    const fields: Record<string, string> = {};
    for (const { path, message, ...issue } of errors) {
      const row = /^(platforms|contentUrls)\[(\d+)\](.*)$/.exec(path);
      let formPath = path === 'deadlineAt' ? 'deadline' : path;
      if (row) {
        const rows = row[1] === 'platforms' ? platformRows : urlRows;
        formPath = `${row[1]}[${rows[Number(row[2])] ?? 0}]${row[3]}`;
      }
      if (formPath === 'reference' || formPath === 'accessCode') {
        this.status.set('failed');
        continue;
      }
      // Said in the page's language when shown (the page is made anew when the language changes).
      fields[formPath] ??= message.startsWith('add at least one thing')
        ? this.i18n.t(NOTHING_ADDED)
        : this.i18n.text(friendlyMessage(formPath, message, issue));
    }
    this.errors.set(fields);
  }

  private reset(): void {
    this.form.reset();
    this.form.controls.platforms.clear();
    this.form.controls.platforms.push(platformRowForm(this.fb));
    this.form.controls.contentUrls.clear();
    this.form.controls.contentUrls.push(this.fb.control(''));
  }
}
