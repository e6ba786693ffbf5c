import { ChangeDetectionStrategy, Component, inject, Injector, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { RouterLink } from '@angular/router';
import type { IdentifierCluster } from '@sg/contracts';
import { finalize } from 'rxjs';
import { I18n } from '../../system/i18n/i18n';
import { TranslatePipe } from '../../system/i18n/translate.pipe';
import { CaseLinksApi } from '../data-access/case-links-api';
import { problemMessage } from '../ui/http-errors';
import { CASE_STATUS_LABELS, PRIORITY_LABELS } from '../ui/labels';
import { PriorityChip } from '../ui/priority-chip';
import { WhenPipe } from '../ui/when';
import { ClusterPacketDialog, ClusterPacketDialogData } from './cluster-packet-dialog';
import { dialogOptions } from '../ui/material-options';

/**
 * Supervisors: offender identifiers that two or more cases hold, the newest activity first. Each
 * row says when it was first and last seen and where; opening one lists every case that holds it.
 * Every read is audited on the server (the page, and each case it names).
 */
@Component({
  selector: 'sg-clusters-page',
  imports: [TranslatePipe, WhenPipe, RouterLink, MatButton, PriorityChip],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="page" aria-labelledby="clusters-title">
      <h1 id="clusters-title">{{ 'staff.clusters.title' | t }}</h1>
      <p class="hint">{{ 'staff.clusters.explain' | t }}</p>
      @if (problem(); as p) {
        <p class="problem" role="alert">{{ p }}</p>
      }
      @if (items().length) {
        <div class="table-scroll">
          <table class="clusters">
            <thead>
              <tr>
                <th scope="col">{{ 'staff.clusters.identifier' | t }}</th>
                <th scope="col">{{ 'staff.clusters.cases' | t }}</th>
                <th scope="col">{{ 'staff.clusters.firstSeen' | t }}</th>
                <th scope="col">{{ 'staff.clusters.lastSeen' | t }}</th>
                <th scope="col">{{ 'staff.clusters.platforms' | t }}</th>
                <th scope="col">{{ 'staff.clusters.countries' | t }}</th>
                <th scope="col">{{ 'staff.clusters.priorities' | t }}</th>
                <th scope="col">{{ 'staff.clusters.outcomes' | t }}</th>
                <th scope="col">
                  <span class="visually-hidden">{{ 'staff.clusters.open' | t }}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              @for (cluster of items(); track cluster.key) {
                <tr data-testid="cluster" [class.selected]="selected()?.key === cluster.key">
                  <th scope="row">
                    <span class="kind">{{ 'staff.identifiers.kinds.' + cluster.kind | t }}</span>
                    <span class="mono">{{ cluster.value }}</span>
                  </th>
                  <td>{{ cluster.caseCount }}</td>
                  <td>{{ cluster.firstSeen | when }}</td>
                  <td>{{ cluster.lastSeen | when }}</td>
                  <td>{{ cluster.platforms.join(', ') }}</td>
                  <td>{{ cluster.countries.join(', ') }}</td>
                  <td>
                    <span class="chips">
                      @for (priority of cluster.priorities; track priority) {
                        <sg-priority-chip [priority]="priority" />
                      }
                    </span>
                  </td>
                  <td>{{ statuses(cluster) }}</td>
                  <td>
                    <button matButton type="button" (click)="open(cluster)" [attr.aria-label]="'staff.clusters.openNamed' | t: { value: cluster.value }">
                      {{ 'staff.clusters.open' | t }}
                    </button>
                  </td>
                </tr>
              }
            </tbody>
          </table>
        </div>
        @if (nextCursor()) {
          <button matButton type="button" (click)="load()" [disabled]="loading()">{{ 'staff.common.load_more' | t }}</button>
        }
      } @else if (!loading()) {
        <p class="empty" data-testid="no-clusters">{{ 'staff.clusters.none' | t }}</p>
      }

      @if (selected(); as cluster) {
        <section class="cluster" aria-labelledby="cluster-title" data-testid="cluster-cases">
          <div class="cluster-head">
            <h2 id="cluster-title">
              {{ 'staff.clusters.casesHolding' | t: { count: cluster.caseCount, kind: ('staff.identifiers.kinds.' + cluster.kind | t), value: cluster.value } }}
            </h2>
            <button
              matButton="outlined"
              type="button"
              (click)="referralPacket(cluster)"
              data-testid="cluster-referral-packet"
              [attr.aria-label]="'staff.clusters.packet.buttonNamed' | t: { value: cluster.value }"
            >
              {{ 'staff.clusters.packet.button' | t }}
            </button>
          </div>
          <div class="table-scroll">
            <table class="clusters">
              <thead>
                <tr>
                  <th scope="col">{{ 'staff.clusters.reference' | t }}</th>
                  <th scope="col">{{ 'staff.clusters.priority' | t }}</th>
                  <th scope="col">{{ 'staff.clusters.status' | t }}</th>
                  <th scope="col">{{ 'staff.clusters.country' | t }}</th>
                  <th scope="col">{{ 'staff.clusters.platforms' | t }}</th>
                  <th scope="col">{{ 'staff.clusters.arrived' | t }}</th>
                </tr>
              </thead>
              <tbody>
                @for (c of cluster.cases; track c.id) {
                  <tr>
                    <th scope="row">
                      <a [routerLink]="['/staff/cases', c.id]">{{ c.reference }}</a>
                    </th>
                    <td><sg-priority-chip [priority]="c.priority" /></td>
                    <td>{{ statusLabels[c.status] | t }}</td>
                    <td>{{ c.country }}</td>
                    <td>{{ c.platforms.join(', ') }}</td>
                    <td>{{ c.createdAt | when }}</td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        </section>
      }
    </section>
  `,
  styles: `
    .page {
      padding: 16px 24px;
      max-width: 1280px;
    }
    @media (max-width: 600px) {
      .page {
        padding: 12px;
      }
    }
    h1 {
      font: var(--mat-sys-headline-small);
      margin: 0 0 4px;
    }
    h2 {
      font: var(--mat-sys-title-medium);
      margin: 24px 0 8px;
    }
    .hint {
      color: var(--mat-sys-on-surface-variant);
      margin: 0 0 16px;
    }
    /* On a phone the table scrolls sideways inside this box, not the whole page. */
    .table-scroll {
      position: relative;
      overflow-x: auto;
    }
    .clusters {
      width: 100%;
      border-collapse: collapse;
    }
    .clusters th,
    .clusters td {
      text-align: left;
      padding: 6px 8px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      vertical-align: top;
    }
    .clusters thead th {
      font: var(--mat-sys-label-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .cluster-head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 8px;
      margin: 24px 0 8px;
    }
    .cluster-head h2 {
      margin: 0;
    }
    tr.selected {
      background: var(--mat-sys-surface-container);
    }
    .kind {
      display: block;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .mono {
      font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
      word-break: break-all;
    }
    /* Flex on a span inside the cell: on the cell itself it broke the row's borders. */
    .chips {
      display: flex;
      flex-wrap: wrap;
      gap: 4px;
    }
    .problem {
      color: var(--mat-sys-error);
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
    }
  `,
})
export class ClustersPage {
  private readonly api = inject(CaseLinksApi);
  private readonly i18n = inject(I18n);
  private readonly dialog = inject(MatDialog);
  private readonly injector = inject(Injector);
  protected readonly statusLabels = CASE_STATUS_LABELS;
  protected readonly priorityLabels = PRIORITY_LABELS;
  protected readonly items = signal<IdentifierCluster[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly selected = signal<IdentifierCluster | null>(null);
  protected readonly loading = signal(false);
  protected readonly problem = signal<string | null>(null);

  constructor() {
    this.load();
  }

  protected load(): void {
    this.loading.set(true);
    this.api
      .clusters(this.nextCursor())
      .pipe(finalize(() => this.loading.set(false)))
      .subscribe({
        next: (page) => {
          this.items.update((items) => [...items, ...page.items]);
          this.nextCursor.set(page.nextCursor);
        },
        error: (error: unknown) => this.problem.set(problemMessage(this.i18n, error)),
      });
  }

  /** Every case holding it (the list shows the newest few). */
  protected open(cluster: IdentifierCluster): void {
    this.selected.set(cluster);
    this.api.cluster(cluster.key).subscribe({
      next: (full) => this.selected.set(full),
      error: (error: unknown) => this.problem.set(problemMessage(this.i18n, error)),
    });
  }

  /** One PDF of every case holding the identifier, for police, the CyberTipline or a platform; generated and audited on the server. */
  protected referralPacket(cluster: IdentifierCluster): void {
    const data: ClusterPacketDialogData = { key: cluster.key, kind: cluster.kind, value: cluster.value };
    this.dialog.open(ClusterPacketDialog, dialogOptions({ data, injector: this.injector, width: '480px' }));
  }

  protected statuses(cluster: IdentifierCluster): string {
    return cluster.outcomes.map((status) => this.i18n.t(CASE_STATUS_LABELS[status] ?? status)).join(', ');
  }
}
