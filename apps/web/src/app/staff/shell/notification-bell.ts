import { CdkTrapFocus } from '@angular/cdk/a11y';
import { CdkConnectedOverlay, CdkOverlayOrigin, ConnectedPosition } from '@angular/cdk/overlay';
import { ChangeDetectionStrategy, Component, DestroyRef, ElementRef, computed, inject, signal, viewChild } from '@angular/core';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatTooltip } from '@angular/material/tooltip';
import { RouterLink } from '@angular/router';
import type { NotificationView } from '@sg/contracts';
import { NotificationsApi } from '../data-access/notifications-api';
import { Clock } from '../ui/clock';
import { Icon } from '../ui/icon';
import { DateTimePipe } from '../../system/i18n/date-time.pipe';
import { I18n } from '../../system/i18n/i18n';
import { TranslatePipe } from '../../system/i18n/translate.pipe';
import { durationParams } from '../queues/countdown';
import { NotificationsStore, badgeText, bellLabel, notificationTitle } from './notifications-store';

const POSITIONS: ConnectedPosition[] = [
  { originX: 'end', originY: 'bottom', overlayX: 'end', overlayY: 'top', offsetY: 6 },
  { originX: 'end', originY: 'top', overlayX: 'end', overlayY: 'bottom', offsetY: -6 },
];

/**
 * The bell in the top bar: the live count of open notifications in its name and badge, a panel
 * listing them (what, which case, when it was due) with "Mark done", and a polite announcement
 * when a new one arrives.
 */
@Component({
  selector: 'sg-notification-bell',
  imports: [CdkOverlayOrigin, CdkConnectedOverlay, CdkTrapFocus, RouterLink, MatIconButton, MatButton, MatTooltip, Icon, TranslatePipe, DateTimePipe],
  providers: [NotificationsApi, NotificationsStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button
      type="button"
      matIconButton
      class="bell"
      cdkOverlayOrigin
      #origin="cdkOverlayOrigin"
      [attr.aria-label]="label()"
      aria-haspopup="dialog"
      [attr.aria-expanded]="isOpen()"
      [attr.aria-controls]="isOpen() ? 'notification-panel' : null"
      [matTooltip]="'staff.notifications.title' | t"
      (click)="toggle()"
    >
      <sg-icon name="bell" />
      @if (badge()) {
        <span class="badge" aria-hidden="true">{{ badge() }}</span>
      }
    </button>
    <span class="visually-hidden" aria-live="polite" aria-atomic="true">{{ store.announcement() }}</span>

    <ng-template
      cdkConnectedOverlay
      [cdkConnectedOverlayOrigin]="origin"
      [cdkConnectedOverlayOpen]="isOpen()"
      [cdkConnectedOverlayPositions]="positions"
      (overlayOutsideClick)="outsideClick($event)"
      (overlayKeydown)="keydown($event)"
      (detach)="isOpen.set(false)"
    >
      <section id="notification-panel" class="panel" role="dialog" aria-labelledby="notification-panel-title" cdkTrapFocus [cdkTrapFocusAutoCapture]="true">
        <div class="panel-head">
          <h2 id="notification-panel-title" #heading tabindex="-1">{{ 'staff.notifications.title' | t }}</h2>
          <span class="count">{{ 'staff.notifications.open_count' | t: { count: store.openCount() } }}</span>
          <button matIconButton type="button" [attr.aria-label]="'staff.notifications.close' | t" (click)="close()"><sg-icon name="close" /></button>
        </div>
        @if (store.unreadMessages().messages) {
          <p class="unread-messages" data-testid="bell-unread-messages">
            <a routerLink="/staff/queues/mine" (click)="close()">{{ 'staff.notifications.unread' | t: store.unreadMessages() }}</a>
          </p>
        }
        @if (store.items().length) {
          <ul class="items">
            @for (item of store.items(); track item.id) {
              <li class="item">
                <p class="title">{{ title(item) }}</p>
                <p class="meta">
                  <a
                    [routerLink]="['/staff/cases', item.caseId]"
                    (click)="close()"
                    [attr.aria-label]="'staff.notifications.open_case' | t: { reference: item.caseReference }"
                    >{{ item.caseReference }}</a
                  >
                  · <time [attr.datetime]="item.dueAt" [title]="item.dueAt | dateTime">{{ due(item) }}</time>
                </p>
                <button
                  matButton="outlined"
                  type="button"
                  class="done"
                  (click)="markDone(item)"
                  [attr.aria-label]="'staff.notifications.mark_done_label' | t: { title: title(item), reference: item.caseReference }"
                >
                  {{ 'staff.notifications.mark_done' | t }}
                </button>
              </li>
            }
          </ul>
        } @else {
          <p class="empty">{{ (store.loaded() ? 'staff.notifications.empty' : 'staff.common.loading') | t }}</p>
        }
      </section>
    </ng-template>
  `,
  styles: `
    :host {
      display: inline-flex;
    }
    .bell {
      position: relative;
    }
    .badge {
      position: absolute;
      top: 0;
      right: 0;
      min-width: 16px;
      height: 16px;
      padding: 0 4px;
      border-radius: 8px;
      font: var(--mat-sys-label-small);
      line-height: 16px;
      background: var(--mat-sys-error);
      color: var(--mat-sys-on-error);
    }
    .panel {
      width: min(380px, calc(100vw - 16px));
      max-height: min(70vh, 560px);
      overflow-y: auto;
      border-radius: 12px;
      background: var(--mat-sys-surface-container);
      color: var(--mat-sys-on-surface);
      box-shadow: var(--mat-sys-level3);
      border: 1px solid var(--mat-sys-outline-variant);
    }
    .panel-head {
      position: sticky;
      top: 0;
      display: flex;
      align-items: center;
      gap: 8px;
      padding: 4px 4px 4px 16px;
      background: var(--mat-sys-surface-container);
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    h2 {
      margin: 0;
      font: var(--mat-sys-title-small);
      outline: none;
    }
    .unread-messages {
      margin: 0;
      padding: 8px 16px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      font: var(--mat-sys-body-medium);
    }
    .count {
      flex: 1;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .items {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .item {
      display: grid;
      grid-template-columns: 1fr auto;
      gap: 2px 8px;
      align-items: center;
      padding: 8px 12px 8px 16px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .item p {
      margin: 0;
      grid-column: 1;
    }
    .title {
      font: var(--mat-sys-label-large);
    }
    .meta {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .meta a {
      color: var(--mat-sys-primary);
      font-variant-numeric: tabular-nums;
    }
    .done {
      grid-column: 2;
      grid-row: 1 / span 2;
    }
    .empty {
      margin: 0;
      padding: 16px;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class NotificationBell {
  protected readonly store = inject(NotificationsStore);
  private readonly clock = inject(Clock);
  private readonly i18n = inject(I18n);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly heading = viewChild<ElementRef<HTMLElement>>('heading');
  protected readonly positions = POSITIONS;
  protected readonly title = notificationTitle;
  protected readonly isOpen = signal(false);
  protected readonly label = computed(() => this.i18n.text(bellLabel(this.store.openCount())));
  protected readonly badge = computed(() => badgeText(this.store.openCount()));

  constructor() {
    this.store.watch(inject(DestroyRef));
  }

  protected toggle(): void {
    if (this.isOpen()) {
      this.close();
      return;
    }
    this.isOpen.set(true);
    this.store.reload();
  }

  protected close(): void {
    this.isOpen.set(false);
  }

  protected outsideClick(event: MouseEvent): void {
    // A click on the bell itself toggles; anything else outside closes.
    if (event.target instanceof Node && this.host.nativeElement.contains(event.target)) return;
    this.close();
  }

  protected keydown(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      event.preventDefault();
      this.close();
    }
  }

  protected markDone(item: NotificationView): void {
    this.store.markDone(item);
    // The button that had focus is gone: keep focus in the panel.
    this.heading()?.nativeElement.focus();
  }

  /** "due in 5 min" / "due 2 h ago", in the reader's language (the same rounding as the queue's countdowns). */
  protected due(item: NotificationView): string {
    const left = Date.parse(item.dueAt) - this.clock.now();
    if (Number.isNaN(left)) return '';
    if (Math.abs(left) < 60_000) return this.i18n.t('staff.notifications.due_now');
    return this.i18n.t(left > 0 ? 'staff.notifications.due_in' : 'staff.notifications.due_ago', durationParams(left));
  }
}
