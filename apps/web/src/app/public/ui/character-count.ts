import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { I18n } from '../../system/i18n/i18n';
import { TranslatePipe } from '../../system/i18n/translate.pipe';

/**
 * "1,234 of 5,000 characters" under a long text box, and a plain sentence once the limit is
 * reached: the box stops taking text there, and a person must not think their words were sent
 * when the end was cut off. Announced politely only near the limit, not on every key.
 */
@Component({
  selector: 'sg-character-count',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .count {
      margin: 0.35rem 0 0;
      color: var(--muted);
      font-size: 1rem;
    }
    .count.full {
      color: var(--error);
      font-weight: 700;
    }
  `,
  template: `
    <p class="count" [class.full]="full()" [id]="countId()" [attr.aria-live]="nearLimit() ? 'polite' : null" data-testid="character-count">
      @if (full()) {
        {{ 'person.fields.count.full' | t: { max: maxText() } }}
      } @else {
        {{ 'person.fields.count.used' | t: { used: usedText(), max: maxText() } }}
      }
    </p>
  `,
})
export class CharacterCount {
  readonly text = input<string | null | undefined>('');
  readonly max = input.required<number>();
  readonly countId = input.required<string>();

  private readonly used = computed(() => (this.text() ?? '').length);
  protected readonly full = computed(() => this.used() >= this.max());
  protected readonly nearLimit = computed(() => this.used() >= this.max() * 0.9);
  private readonly i18n = inject(I18n);
  /** Numbers written the page language's way (1,234 in English, 1.234 in Spanish). */
  protected readonly usedText = computed(() => this.i18n.translator().number(this.used()));
  protected readonly maxText = computed(() => this.i18n.translator().number(this.max()));
}
