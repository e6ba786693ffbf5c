import { ChangeDetectionStrategy, Component, DOCUMENT, inject, input, signal } from '@angular/core';
import { TranslatePipe } from '../../system/i18n/translate.pipe';

/** A code shown large, with a button that copies it. The caller gives `label` in the page's language. */
@Component({
  selector: 'sg-copy-code',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .code-box {
      margin: 0 0 1rem;
      padding: 1rem;
      border: 2px solid var(--field-line);
      border-radius: 8px;
    }
    .code-label {
      margin: 0;
      font-weight: 600;
      color: var(--muted);
    }
    .code {
      margin: 0.25rem 0 0.75rem;
      font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
      font-size: clamp(1.35rem, 6.4vw, 2.25rem);
      font-weight: 700;
      letter-spacing: 0.06em;
      overflow-wrap: anywhere;
    }
    .copy-status {
      min-height: 1.5rem;
      margin: 0.5rem 0 0;
      font-size: 1rem;
      color: var(--muted);
    }
  `,
  template: `
    <div class="code-box">
      <p class="code-label" [id]="codeId() + '-label'">{{ label() }}</p>
      <p class="code" [id]="codeId()" translate="no">{{ value() }}</p>
      <button type="button" class="button secondary copy" [attr.aria-describedby]="codeId() + '-label'" (click)="copy()">
        {{ 'person.copyCode.copy' | t }}
      </button>
      <p class="copy-status" role="status">{{ copied() ? ('person.copyCode.copied' | t: { label: label() }) : '' }}</p>
    </div>
  `,
})
export class CopyCode {
  private readonly document = inject(DOCUMENT);

  /** The id of the element holding the code (not `id`: that would also land on this host element). */
  readonly codeId = input.required<string>();
  readonly label = input.required<string>();
  readonly value = input.required<string>();

  protected readonly copied = signal(false);

  protected async copy(): Promise<void> {
    try {
      await this.document.defaultView?.navigator.clipboard.writeText(this.value());
      this.copied.set(true);
    } catch {
      // No clipboard (an old browser or a page not served over https): select the code instead,
      // so a long press or Ctrl+C copies it.
      const element = this.document.getElementById(this.codeId());
      const selection = this.document.getSelection();
      if (element && selection) {
        selection.selectAllChildren(element);
      }
    }
  }
}
