import { ChangeDetectionStrategy, Component, Injector, computed, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { ResourceDirectoryEntry } from '@sg/contracts';
import { finalize } from 'rxjs';
import { I18n } from '../../system/i18n/i18n';
import { TranslatePipe } from '../../system/i18n/translate.pipe';
import { ResourceDirectoryApi } from '../data-access/resource-directory-api';
import { problemMessage } from '../ui/http-errors';
import { RESOURCE_AUDIENCE_LABELS, RESOURCE_PURPOSE_LABELS } from './admin-labels';
import { ResourceDialog, ResourceDialogData } from './resource-dialog';
import { ANY_JURISDICTION, countryNamer, groupByJurisdiction } from './resource-form';
import { snackFor, dialogOptions } from '../ui/material-options';

const ALL = '';

/**
 * Admins: the helplines, reporting and takedown services people are pointed to, per country.
 * Retired entries stay listed (greyed) so they can be restored.
 */
@Component({
  selector: 'sg-resources-page',
  imports: [MatButton, MatCheckbox, MatFormField, MatLabel, MatSelect, MatOption, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './resources-page.html',
  styleUrl: './admin-page.scss',
  // Text, not colour alone, says which language reads in English; it wraps (Malay runs long).
  styles: `
    .fallback {
      display: inline-block;
      margin: 4px 4px 0 0;
      padding: 1px 8px;
      border-radius: 999px;
      border: 1px solid var(--mat-sys-outline);
      font: var(--mat-sys-label-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class ResourcesPage {
  private readonly i18n = inject(I18n);
  private readonly api = inject(ResourceDirectoryApi);
  private readonly dialog = inject(MatDialog);
  private readonly injector = inject(Injector);
  private readonly snackBar = inject(MatSnackBar);

  protected readonly purposeLabels = RESOURCE_PURPOSE_LABELS;
  protected readonly audienceLabels = RESOURCE_AUDIENCE_LABELS;
  protected readonly entries = signal<ResourceDirectoryEntry[] | null>(null);
  protected readonly problem = signal<string | null>(null);
  protected readonly rowProblem = signal<string | null>(null);
  protected readonly busy = signal<string | null>(null);
  protected readonly jurisdiction = signal<string>(ALL);
  protected readonly showRetired = signal(true);

  // Country names and their order follow the dashboard's language.
  private readonly allGroups = computed(() =>
    groupByJurisdiction(this.entries() ?? [], countryNamer(this.i18n.language()), this.i18n.t('staff.admin.resources.worldwide')),
  );
  /** The filter offers the jurisdictions that have entries. */
  protected readonly jurisdictionOptions = computed(() =>
    this.allGroups().map((group) => ({
      value: group.jurisdiction,
      label: group.jurisdiction === ANY_JURISDICTION ? group.label : `${group.label} (${group.jurisdiction})`,
      count: group.entries.length,
    })),
  );
  protected readonly groups = computed(() => {
    const chosen = this.jurisdiction();
    const retired = this.showRetired();
    return this.allGroups()
      .filter((group) => chosen === ALL || group.jurisdiction === chosen)
      .map((group) => ({ ...group, entries: retired ? group.entries : group.entries.filter((entry) => entry.active) }))
      .filter((group) => group.entries.length > 0);
  });
  protected readonly counts = computed(() => {
    const entries = this.entries() ?? [];
    return { total: entries.length, retired: entries.filter((entry) => !entry.active).length };
  });

  constructor() {
    this.load();
  }

  protected load(): void {
    this.api.list().subscribe({
      next: (entries) => {
        this.problem.set(null);
        this.entries.set(entries);
      },
      error: (error: unknown) => this.problem.set(problemMessage(this.i18n, error, this.i18n.t('staff.admin.resources.loadFailed'))),
    });
  }

  protected groupTitle(group: { jurisdiction: string; label: string }): string {
    return group.jurisdiction === ANY_JURISDICTION ? this.i18n.t('staff.admin.resources.worldwideAny') : `${group.label} (${group.jurisdiction})`;
  }

  protected audiences(entry: ResourceDirectoryEntry): string {
    // A code this build does not know yet shows as it is.
    return entry.audiences.map((audience) => (this.audienceLabels[audience] ? this.i18n.t(this.audienceLabels[audience]) : audience)).join(', ');
  }

  protected add(): void {
    const chosen = this.jurisdiction();
    this.open({ entry: null, jurisdiction: chosen === ALL ? undefined : chosen });
  }

  protected edit(entry: ResourceDirectoryEntry): void {
    this.open({ entry });
  }

  protected setActive(entry: ResourceDirectoryEntry, active: boolean): void {
    this.rowProblem.set(null);
    this.busy.set(entry.id);
    this.api
      .update(entry.id, { active })
      .pipe(finalize(() => this.busy.set(null)))
      .subscribe({
        next: (saved) => {
          this.replace(saved);
          this.snackBar.open(
            this.i18n.t(active ? 'staff.admin.resources.shownAgain' : 'staff.admin.resources.retiredDone', { name: saved.name }),
            undefined,
            snackFor(4000),
          );
        },
        error: (error: unknown) =>
          this.rowProblem.set(problemMessage(this.i18n, error, this.i18n.t('staff.admin.resources.changeFailed', { name: entry.name }))),
      });
  }

  private open(data: ResourceDialogData): void {
    this.rowProblem.set(null);
    this.dialog
      .open<ResourceDialog, ResourceDialogData, ResourceDirectoryEntry>(
        ResourceDialog,
        dialogOptions({ data, injector: this.injector, width: '640px', maxWidth: '96vw', autoFocus: 'first-tabbable' }),
      )
      .afterClosed()
      .subscribe((saved) => {
        if (!saved) return;
        this.replace(saved);
        this.snackBar.open(
          this.i18n.t(data.entry ? 'staff.admin.resources.savedDone' : 'staff.admin.resources.addedDone', { name: saved.name }),
          undefined,
          snackFor(4000),
        );
      });
  }

  private replace(saved: ResourceDirectoryEntry): void {
    this.entries.update((entries) => [...(entries ?? []).filter((entry) => entry.id !== saved.id), saved]);
  }
}
