import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import type { AuditEntry } from '@sg/contracts';
import { problemMessage } from '../../ui/http-errors';
import { CaseStore } from '../case-store';
import { WhenPipe } from '../../ui/when';
import { TranslatePipe } from '../../../system/i18n/translate.pipe';
import { I18n } from '../../../system/i18n/i18n';

/** Every read and change of the case, for supervisors. */
@Component({
  selector: 'sg-audit-section',
  imports: [WhenPipe, TranslatePipe, MatButton],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './section.scss',
  template: `
    <div class="bar">
      <p class="hint">{{ 'staff.case.audit.hint' | t }}</p>
      <button matButton type="button" (click)="load()">{{ 'staff.case.audit.refresh' | t }}</button>
    </div>
    @if (problem(); as problem) {
      <p class="problems" role="alert">{{ problem }}</p>
    }
    @if (entries(); as entries) {
      <table class="audit">
        <caption class="visually-hidden">
          {{
            'staff.case.audit.caption' | t
          }}
        </caption>
        <thead>
          <tr>
            <th scope="col">{{ 'staff.case.audit.when' | t }}</th>
            <th scope="col">{{ 'staff.case.audit.who' | t }}</th>
            <th scope="col">{{ 'staff.case.audit.what' | t }}</th>
            <th scope="col">{{ 'staff.case.audit.change' | t }}</th>
          </tr>
        </thead>
        <tbody>
          @for (entry of entries; track entry.id) {
            <tr>
              <td>
                <time [attr.datetime]="entry.at">{{ entry.at | when: 'seconds' }}</time>
              </td>
              <td>{{ entry.actor?.displayName ?? ('staff.case.common.system' | t) }}</td>
              <td>{{ entry.action }}</td>
              <td>
                @if (entry.before !== null || entry.after !== null) {
                  <details>
                    <summary>{{ 'staff.case.audit.show' | t }}</summary>
                    <pre class="mono">{{ describeChange(entry) }}</pre>
                  </details>
                }
              </td>
            </tr>
          } @empty {
            <tr>
              <td colspan="4" class="empty">{{ 'staff.case.audit.empty' | t }}</td>
            </tr>
          }
        </tbody>
      </table>
    } @else if (!problem()) {
      <p>{{ 'staff.case.common.loading' | t }}</p>
    }
  `,
  styles: `
    .bar {
      display: flex;
      align-items: center;
      justify-content: space-between;
    }
    .audit {
      width: 100%;
      border-collapse: collapse;
      font: var(--mat-sys-body-small);
    }
    th,
    td {
      text-align: left;
      padding: 4px 8px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      vertical-align: top;
    }
    th {
      font: var(--mat-sys-label-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    pre {
      margin: 4px 0 0;
      white-space: pre-wrap;
    }
  `,
})
export class AuditSection {
  private readonly store = inject(CaseStore);
  private readonly i18n = inject(I18n);
  protected readonly entries = signal<AuditEntry[] | null>(null);
  protected readonly problem = signal<string | null>(null);

  constructor() {
    this.load();
  }

  protected describeChange(entry: AuditEntry): string {
    return JSON.stringify({ before: entry.before, after: entry.after }, null, 2);
  }

  protected load(): void {
    this.problem.set(null);
    this.store.audit().subscribe({
      next: (entries) => this.entries.set([...entries].sort((a, b) => Date.parse(b.at) - Date.parse(a.at))),
      error: (error: unknown) => this.problem.set(problemMessage(this.i18n, error, this.i18n.t('staff.case.audit.failed'))),
    });
  }
}
