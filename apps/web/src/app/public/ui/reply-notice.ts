import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { ReplyExpectation } from '@sg/domain';

/** "Tuesday 8 December at 17:00" in the person's own time zone (the browser's, which the intake recorded). */
export function formatReplyTime(iso: string, locale = 'en-GB'): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date);
}

/** The sentence the person reads about when we will answer, honest about being closed. */
export function replySentence(reply: ReplyExpectation | undefined): string | null {
  if (!reply) return null;
  if (reply.openNow) return reply.replyBy ? `We aim to answer by ${formatReplyTime(reply.replyBy)}.` : null;
  const when = reply.replyBy ? `We will answer by ${formatReplyTime(reply.replyBy)}.` : reply.nextOpeningAt ? `We open again on ${formatReplyTime(reply.nextOpeningAt)}.` : '';
  return `Our team is not here right now. ${when}`.trim();
}

/**
 * When to expect an answer. While the team is closed the page says so plainly, and who to call
 * now sits right beside it (the caller puts the crisis contacts under `closed`): nobody in danger
 * should wait for Monday.
 */
@Component({
  selector: 'sg-reply-notice',
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .reply { margin: 0 0 0.75rem; }
    .closed { padding: 0.6rem 0.8rem; border-left: 4px solid var(--accent); background: var(--accent-soft); }
  `,
  template: `
    @if (sentence(); as sentence) {
      <div class="reply" [class.closed]="!reply()?.openNow" data-testid="reply-notice">
        <p>{{ sentence }}</p>
        @if (!reply()?.openNow) {
          <p><strong>If you are in danger or might hurt yourself, do not wait for us:</strong> call one of the numbers on this page now.</p>
          <ng-content select="[closed]" />
        }
      </div>
    }
  `,
})
export class ReplyNotice {
  readonly reply = input<ReplyExpectation | undefined>(undefined);
  protected readonly sentence = computed(() => replySentence(this.reply()));
}
