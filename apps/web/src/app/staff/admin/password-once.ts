import { Clipboard } from '@angular/cdk/clipboard';
import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { TranslatePipe } from '../../system/i18n/translate.pipe';

/** The password, shown this once so the admin can pass it on; it is not stored in the page. */
@Component({
  selector: 'sg-password-once',
  imports: [MatButton, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p>
      <strong>{{ 'staff.admin.password.passOn' | t: { name: name() } }}</strong> {{ 'staff.admin.password.notAgain' | t: { email: email() } }}
    </p>
    <p class="secret">
      <code data-testid="new-password">{{ password() }}</code>
      <button matButton="outlined" type="button" (click)="copy()">
        {{ 'staff.admin.password.copy' | t }}<span class="visually-hidden"> {{ 'staff.admin.password.thePassword' | t }}</span>
      </button>
      <span class="meta" aria-live="polite">{{ copied() ? ('staff.admin.password.copied' | t) : '' }}</span>
    </p>
  `,
  styles: `
    :host {
      display: block;
    }
    p {
      margin: 0 0 8px;
    }
    .secret {
      display: flex;
      align-items: center;
      gap: 12px;
      flex-wrap: wrap;
    }
    code {
      font: var(--mat-sys-title-large);
      font-family: ui-monospace, Menlo, Consolas, monospace;
      letter-spacing: 0.04em;
      padding: 4px 8px;
      border-radius: 6px;
      background: var(--mat-sys-surface-container-high);
    }
    .meta {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
  `,
})
export class PasswordOnce {
  private readonly clipboard = inject(Clipboard);
  readonly password = input.required<string>();
  readonly name = input.required<string>();
  readonly email = input.required<string>();
  protected readonly copied = signal(false);

  protected copy(): void {
    this.copied.set(this.clipboard.copy(this.password()));
  }
}
