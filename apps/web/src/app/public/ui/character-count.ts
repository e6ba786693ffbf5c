import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

/**
 * "1,234 of 5,000 characters" under a long text box, and a plain sentence once the limit is
 * reached: the box stops taking text there, and a person must not think their words were sent
 * when the end was cut off. Announced politely only near the limit, not on every key.
 */
@Component({
  selector: 'sg-character-count',
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .count { margin: 0.35rem 0 0; color: var(--muted); font-size: 1rem; }
    .count.full { color: var(--error); font-weight: 700; }
  `,
  template: `
    <p class="count" [class.full]="full()" [id]="countId()" [attr.aria-live]="nearLimit() ? 'polite' : null" data-testid="character-count">
      @if (full()) {
        You have reached the limit of {{ maxText() }} characters. Anything more will not fit here: send this,
        then tell us the rest later from your case page.
      } @else {
        {{ usedText() }} of {{ maxText() }} characters
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
  protected readonly usedText = computed(() => this.used().toLocaleString('en-GB'));
  protected readonly maxText = computed(() => this.max().toLocaleString('en-GB'));
}
