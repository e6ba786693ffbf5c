import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { contactParts } from './contact-links';

/** A contact line with its phone numbers as big, tappable links. */
@Component({
  selector: 'sg-contact-text',
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .tel {
      display: inline-flex;
      align-items: center;
      min-height: 44px;
      margin: 0.2rem 0.1rem;
      padding: 0.2rem 0.9rem;
      border-radius: 999px;
      background: var(--accent);
      color: #fff;
      font-weight: 700;
      text-decoration: none;
      white-space: nowrap;
      &:hover {
        background: var(--accent-dark);
        color: #fff;
        text-decoration: underline;
      }
    }
  `,
  template: `@for (part of parts(); track $index) {
    @if (part.href) {
      <a class="tel" [href]="part.href">{{ part.text }}</a>
    } @else {
      <span>{{ part.text }}</span>
    }
  }`,
})
export class ContactText {
  readonly contact = input.required<string>();
  protected readonly parts = computed(() => contactParts(this.contact()));
}
