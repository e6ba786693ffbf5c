import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { ReplyExpectation } from '@sg/domain';
import type { Translator } from '@sg/i18n';
import { I18n } from '../../system/i18n/i18n';
import { TranslatePipe } from '../../system/i18n/translate.pipe';

const REPLY_TIME: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };

/**
 * "Tuesday 8 December at 17:00", "Selasa, 8 Disember pada 17:00", "martes, 8 de diciembre, 17:00":
 * in the page's language and the reader's own time zone (the browser's, which the intake recorded).
 */
export function formatReplyTime(iso: string, translator: Translator): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  // The translator writes English the British way ("Tuesday 8 December at 17:00").
  return translator.dateTime(date, REPLY_TIME);
}

/** The sentence the person reads about when we will answer, honest about being closed. */
export function replySentence(reply: ReplyExpectation | undefined, translator: Translator): string | null {
  if (!reply) return null;
  if (reply.openNow) return reply.replyBy ? translator.t('person.reply.openBy', { time: formatReplyTime(reply.replyBy, translator) }) : null;
  if (reply.replyBy) return translator.t('person.reply.closedBy', { time: formatReplyTime(reply.replyBy, translator) });
  if (reply.nextOpeningAt) return translator.t('person.reply.closedOpens', { time: formatReplyTime(reply.nextOpeningAt, translator) });
  return translator.t('person.reply.closed');
}

/**
 * When to expect an answer. While the team is closed the page says so plainly, and who to call
 * now sits right beside it (the caller puts the crisis contacts under `closed`): nobody in danger
 * should wait for Monday.
 */
@Component({
  selector: 'sg-reply-notice',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .reply {
      margin: 0 0 0.75rem;
    }
    .closed {
      padding: 0.6rem 0.8rem;
      border-left: 4px solid var(--accent);
      background: var(--accent-soft);
    }
  `,
  template: `
    @if (sentence(); as sentence) {
      <div class="reply" [class.closed]="!reply()?.openNow" data-testid="reply-notice">
        <p>{{ sentence }}</p>
        @if (!reply()?.openNow) {
          <p>
            <strong>{{ 'person.reply.dangerLead' | t }}</strong> {{ 'person.reply.dangerRest' | t }}
          </p>
          <ng-content select="[closed]" />
        }
      </div>
    }
  `,
})
export class ReplyNotice {
  private readonly i18n = inject(I18n);
  readonly reply = input<ReplyExpectation | undefined>(undefined);
  protected readonly sentence = computed(() => replySentence(this.reply(), this.i18n.translator()));
}
