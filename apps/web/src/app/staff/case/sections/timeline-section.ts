import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import type { TimelineEntry } from '@sg/contracts';
import { WhenPipe } from '../../ui/when';
import { TranslatePipe } from '../../../system/i18n/translate.pipe';
import { I18n } from '../../../system/i18n/i18n';
import { CaseStore } from '../case-store';

/** What happened to the case, newest first. */
@Component({
  selector: 'sg-timeline-section',
  imports: [WhenPipe, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './section.scss',
  template: `
    <ol class="timeline">
      @for (entry of entries(); track entry.id) {
        <li [class.from-person]="entry.actor.kind === 'person'">
          <time [attr.datetime]="entry.at">{{ entry.at | when }}</time>
          <span class="summary">
            {{ entry.summary }}
            @if (personNote(entry); as note) {
              <!-- The person's own words, in full: staff must not have to ask what they wrote. -->
              <blockquote class="person-note" data-testid="person-note">{{ note }}</blockquote>
            }
          </span>
          <span class="meta">{{ actor(entry.actor) }}</span>
        </li>
      } @empty {
        <li class="empty">{{ 'staff.case.timeline.empty' | t }}</li>
      }
    </ol>
  `,
  styles: `
    .timeline {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .timeline li {
      display: grid;
      grid-template-columns: 110px 1fr auto;
      gap: 12px;
      padding: 6px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    time {
      font-variant-numeric: tabular-nums;
      color: var(--mat-sys-on-surface-variant);
    }
    .person-note {
      margin: 6px 0 0;
      padding: 8px 12px;
      border-left: 4px solid var(--mat-sys-primary);
      background: var(--mat-sys-surface-container);
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
  `,
})
export class TimelineSection {
  private readonly store = inject(CaseStore);
  private readonly i18n = inject(I18n);
  protected readonly entries = computed(() => [...(this.store.detail()?.timeline ?? [])].sort((a, b) => Date.parse(b.at) - Date.parse(a.at)));

  protected personNote(entry: TimelineEntry): string | null {
    const note = entry.kind === 'person_added_information' ? entry.data['note'] : null;
    return typeof note === 'string' && note.trim() ? note : null;
  }

  protected actor(actor: { kind: string; staff: { displayName: string } | null }): string {
    if (actor.staff) return actor.staff.displayName;
    return this.i18n.t(actor.kind === 'person' ? 'staff.case.common.thePerson' : 'staff.case.common.system');
  }
}
