import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatProgressBar } from '@angular/material/progress-bar';
import type { FollowUpView } from '@sg/contracts';
import type { FollowUpStatus, FollowUpSubjectType } from '@sg/domain';
import { FOLLOW_UP_KIND_LABELS } from '../../ui/labels';
import { Clock } from '../../ui/clock';
import { relativeTime } from '../../ui/relative-time';
import { WhenPipe } from '../../ui/when';
import { I18n } from '../../../system/i18n/i18n';
import { TranslatePipe } from '../../../system/i18n/translate.pipe';
import { CaseWorkStore } from '../case-work-store';

/** Catalogue keys. */
export const FOLLOW_UP_STATUS_LABELS: Readonly<Record<FollowUpStatus, string>> = {
  scheduled: 'staff.case.followUps.status.scheduled',
  fired: 'staff.case.followUps.status.fired',
  done: 'staff.case.followUps.status.done',
  cancelled: 'staff.case.followUps.status.cancelled',
};

const SUBJECT_LABELS: Readonly<Record<FollowUpSubjectType, string>> = {
  case: 'staff.case.followUps.subject.case',
  takedown: 'staff.case.followUps.subject.takedown',
  report: 'staff.case.followUps.subject.report',
};

const TONE: Readonly<Record<FollowUpStatus, string>> = { scheduled: 'active', fired: 'bad', done: 'good', cancelled: 'quiet' };
const ORDER: Readonly<Record<FollowUpStatus, number>> = { fired: 0, scheduled: 1, done: 2, cancelled: 3 };

/** Due and overdue first, then what is coming (soonest first), then what is finished (latest first). */
export function sortFollowUps(items: readonly FollowUpView[]): FollowUpView[] {
  return [...items].sort((a, b) => {
    const byStatus = ORDER[a.status] - ORDER[b.status];
    if (byStatus) return byStatus;
    const byDue = Date.parse(a.dueAt) - Date.parse(b.dueAt);
    return a.status === 'done' || a.status === 'cancelled' ? -byDue : byDue;
  });
}

/** What the API has scheduled for the case, its takedown requests and its reports. Read only. */
@Component({
  selector: 'sg-follow-ups-section',
  imports: [WhenPipe, TranslatePipe, MatProgressBar],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrls: ['./section.scss', './work-table.scss'],
  template: `
    <h2 class="section-title" id="follow-ups-title">{{ 'staff.case.followUps.title' | t }}</h2>
    <p class="hint">{{ 'staff.case.followUps.hint' | t }}</p>
    @if (state().problem; as problem) {
      <p class="problems" role="alert">{{ problem }}</p>
    } @else if (state().items === null) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'staff.case.followUps.loading' | t" />
    } @else {
      <div class="table-wrap">
        <table class="work" aria-labelledby="follow-ups-title">
          <thead>
            <tr>
              <th scope="col">{{ 'staff.case.followUps.followUp' | t }}</th>
              <th scope="col">{{ 'staff.case.followUps.about' | t }}</th>
              <th scope="col">{{ 'staff.case.followUps.due' | t }}</th>
              <th scope="col">{{ 'staff.case.common.status' | t }}</th>
            </tr>
          </thead>
          <tbody>
            @for (f of rows(); track f.id) {
              <tr [attr.data-follow-up-status]="f.status">
                <td>{{ f.label || (kindLabels[f.kind] | t) }}</td>
                <td>
                  {{ subjectLabels[f.subject.type] | t }}
                  @if (f.subject.label) {
                    <span class="sub">{{ f.subject.label }}</span>
                  }
                </td>
                <td>
                  <time [attr.datetime]="f.dueAt">{{ due(f) }}</time>
                  <span class="sub">{{ f.dueAt | when }}</span>
                </td>
                <td>
                  <span class="chip" [class]="'chip--' + tone[f.status]">{{ statusLabels[f.status] | t }}</span>
                  @if (f.status === 'fired' && f.firedAt) {
                    <span class="sub">{{ 'staff.case.followUps.notified' | t: { at: (f.firedAt | when) } }}</span>
                  } @else if (f.status === 'done' && f.doneAt) {
                    <span class="sub">{{ f.doneAt | when }}</span>
                  }
                </td>
              </tr>
            } @empty {
              <tr>
                <td colspan="4" class="empty">{{ 'staff.case.followUps.empty' | t }}</td>
              </tr>
            }
          </tbody>
        </table>
      </div>
    }
  `,
})
export class FollowUpsSection {
  private readonly clock = inject(Clock);
  private readonly i18n = inject(I18n);
  protected readonly state = inject(CaseWorkStore).followUps;
  protected readonly rows = computed(() => sortFollowUps(this.state().items ?? []));
  protected readonly kindLabels = FOLLOW_UP_KIND_LABELS;
  protected readonly subjectLabels = SUBJECT_LABELS;
  protected readonly statusLabels = FOLLOW_UP_STATUS_LABELS;
  protected readonly tone = TONE;

  protected due(followUp: FollowUpView): string {
    return relativeTime(this.i18n, followUp.dueAt, this.clock.now());
  }
}
