import { ChangeDetectionStrategy, Component, Injector, computed, effect, inject, input, output } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatMenu, MatMenuItem, MatMenuTrigger } from '@angular/material/menu';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatTab, MatTabContent, MatTabGroup } from '@angular/material/tabs';
import { MatTooltip } from '@angular/material/tooltip';
import { RouterLink } from '@angular/router';
import type { CaseStatus } from '@sg/domain';
import { AuthSession } from '../auth/auth-session';
import { StaffApi } from '../data-access/staff-api';
import { ShortcutBus } from '../keyboard/shortcut-bus';
import { firstResponseCountdown } from '../queues/countdown';
import { Clock } from '../ui/clock';
import { Icon } from '../ui/icon';
import { AGE_BAND_LABELS, CASE_STATUS_LABELS, INTAKE_CHANNEL_LABELS, PRIORITY_LABELS, countryName } from '../ui/labels';
import { labelIn } from './sections/facts-form';
import { PriorityChip } from '../ui/priority-chip';
import { CaseWorkApi } from '../data-access/case-work-api';
import { CaseStore } from './case-store';
import { CaseWorkStore } from './case-work-store';
import { OverridePriorityDialog, OverridePriorityDialogData } from './override-priority-dialog';
import { ReassignDialog, ReassignDialogData } from './reassign-dialog';
import { ReferralPacketDialog, ReferralPacketDialogData } from './referral-packet-dialog';
import { AuditSection } from './sections/audit-section';
import { LegalHoldSection } from './sections/legal-hold-section';
import { LinksSection } from './sections/links-section';
import { ContactSection } from './sections/contact-section';
import { ConversationSection } from './sections/conversation-section';
import { EvidenceSection } from './sections/evidence-section';
import { FactsSection } from './sections/facts-section';
import { NotesSection } from './sections/notes-section';
import { PlanSection } from './sections/plan-section';
import { TimelineSection } from './sections/timeline-section';
import { FollowUpsSection } from './sections/follow-ups-section';
import { ReportsSection } from './sections/reports-section';
import { TakedownsSection } from './sections/takedowns-section';
import { WhenPipe } from '../ui/when';
import { I18n } from '../../system/i18n/i18n';
import { TranslatePipe } from '../../system/i18n/translate.pipe';
import { dialogOptions } from '../ui/material-options';

/** A case: header (priority and why, status, assignee, actions) and its work in tabs. */
@Component({
  selector: 'sg-case-view',
  imports: [
    WhenPipe,
    TranslatePipe,
    RouterLink,
    MatButton,
    MatIconButton,
    MatMenu,
    MatMenuItem,
    MatMenuTrigger,
    MatProgressBar,
    MatTabGroup,
    MatTab,
    MatTabContent,
    MatTooltip,
    Icon,
    PriorityChip,
    PlanSection,
    FactsSection,
    TimelineSection,
    EvidenceSection,
    NotesSection,
    ContactSection,
    ConversationSection,
    AuditSection,
    LegalHoldSection,
    LinksSection,
    TakedownsSection,
    ReportsSection,
    FollowUpsSection,
  ],
  providers: [CaseStore, CaseWorkApi, CaseWorkStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './case-view.html',
  styleUrl: './case-view.scss',
})
export class CaseView {
  protected readonly store = inject(CaseStore);
  private readonly session = inject(AuthSession);
  private readonly dialog = inject(MatDialog);
  private readonly injector = inject(Injector);
  private readonly staff = inject(StaffApi);
  private readonly clock = inject(Clock);
  private readonly i18n = inject(I18n);

  readonly caseId = input.required<string>();
  /** 1 on the case's own page, 2 beside a queue. */
  readonly level = input<1 | 2>(1);
  readonly inPane = input(false);
  readonly closed = output<void>();

  protected readonly work = inject(CaseWorkStore);
  protected readonly detail = this.store.detail;
  protected readonly statusLabels = CASE_STATUS_LABELS;
  protected readonly priorityLabels = PRIORITY_LABELS;
  protected readonly canSupervise = computed(() => this.session.hasRole('supervisor', 'admin'));
  protected readonly me = computed(() => this.session.user()?.id ?? null);
  protected readonly countdown = computed(() => {
    const detail = this.detail();
    return detail ? firstResponseCountdown(detail.firstResponseDueAt, detail.firstRespondedAt, this.clock.now()) : null;
  });
  protected readonly person = computed(() => {
    const facts = this.detail()?.facts;
    return facts ? `${labelIn(this.i18n, AGE_BAND_LABELS, facts.ageBand)} · ${countryName(facts.country, this.i18n.language())}` : '';
  });
  protected readonly channel = computed(() => labelIn(this.i18n, INTAKE_CHANNEL_LABELS, this.detail()?.facts.channel));
  protected readonly planProgress = computed(() => {
    const plan = this.detail()?.actionPlan ?? [];
    return `${plan.filter((step) => step.done).length}/${plan.length}`;
  });

  constructor() {
    effect(() => {
      const id = this.caseId();
      this.store.open(id);
      this.work.open(id);
    });
    // `c` claims the open case unless a queue row has focus (the queue claims that one).
    inject(ShortcutBus)
      .commands$.pipe(takeUntilDestroyed())
      .subscribe((command) => {
        if (command !== 'claim' || focusInCaseList()) return;
        const detail = this.detail();
        if (detail && !detail.assignee && !this.store.busy()) this.store.claim();
      });
  }

  /** "Takedowns (2)" once the list is read (`key` says the name, `key` + "Count" the name and count). */
  protected countLabel(key: string, items: readonly unknown[] | null): string {
    return items ? this.i18n.t(`${key}Count`, { count: items.length }) : this.i18n.t(key);
  }

  protected setStatus(status: CaseStatus): void {
    this.store.update({ status }, this.i18n.t('staff.case.view.statusChanged', { status: this.i18n.t(CASE_STATUS_LABELS[status]) })).subscribe();
  }

  protected claim(): void {
    this.store.claim();
  }

  protected reassign(): void {
    const detail = this.detail();
    if (!detail) return;
    const data: ReassignDialogData = {
      reference: detail.reference,
      currentAssigneeId: detail.assignee?.id ?? null,
      staff: this.staff.assignable(),
      assign: (id, name) => this.store.assign(id, name),
    };
    this.dialog.open(ReassignDialog, dialogOptions({ data, injector: this.injector, width: '420px' }));
  }

  protected overridePriority(): void {
    const detail = this.detail();
    if (!detail) return;
    const data: OverridePriorityDialogData = {
      reference: detail.reference,
      version: detail.version,
      priority: detail.priority,
      triagePriority: detail.triagePriority,
      hasOverride: !!detail.priorityOverride,
      save: (priorityOverride, version) =>
        this.store.updateFrom(
          version,
          { priorityOverride },
          priorityOverride
            ? this.i18n.t('staff.case.view.prioritySet', { priority: this.i18n.t(PRIORITY_LABELS[priorityOverride.priority]) })
            : this.i18n.t('staff.case.view.priorityBack'),
        ),
    };
    this.dialog.open(OverridePriorityDialog, dialogOptions({ data, injector: this.injector, width: '480px' }));
  }

  /** The referral packet (PDF) for police, the CyberTipline or a platform; generated and audited on the server. */
  protected referralPacket(): void {
    const detail = this.detail();
    if (!detail) return;
    const data: ReferralPacketDialogData = {
      caseId: detail.id,
      reference: detail.reference,
      consentToContact: detail.contact.consentToContact,
      hasContactDetails: detail.contact.hasDetails,
      holdsOrSupervises: this.canSupervise() || (!!detail.assignee && detail.assignee.id === this.me()),
    };
    this.dialog.open(ReferralPacketDialog, dialogOptions({ data, injector: this.injector, width: '480px' }));
  }
}

function focusInCaseList(): boolean {
  return typeof document !== 'undefined' && !!document.activeElement?.closest('.sg-case-list');
}
