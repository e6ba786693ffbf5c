import { ChangeDetectionStrategy, Component, input, output, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { TranslatePipe } from '../../system/i18n/translate.pipe';
import { controlErrors } from '../ui/http-errors';
import { MIN_PASSWORD_LENGTH, generatePassword } from './password';

/**
 * A new password with a "Generate" button. A generated password shows in clear text (the admin
 * passes it on), one typed in stays hidden unless shown.
 */
@Component({
  selector: 'sg-password-field',
  imports: [ReactiveFormsModule, MatFormField, MatLabel, MatInput, MatHint, MatError, MatButton, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="password">
      <mat-form-field>
        <mat-label>{{ label() ?? ('staff.admin.password.label' | t) }}</mat-label>
        <input matInput [type]="visible() ? 'text' : 'password'" [formControl]="control()" autocomplete="new-password" spellcheck="false" required />
        <mat-hint>{{ 'staff.admin.password.atLeast' | t: { min } }}</mat-hint>
        <mat-error>{{ error(control(), label() ?? ('staff.admin.password.label' | t)) }}</mat-error>
      </mat-form-field>
      <button matButton="tonal" type="button" (click)="generate()">{{ 'staff.admin.password.generate' | t }}</button>
      <button matButton type="button" [attr.aria-pressed]="visible()" (click)="visible.set(!visible())">
        {{ (visible() ? 'staff.admin.password.hide' : 'staff.admin.password.show') | t
        }}<span class="visually-hidden"> {{ 'staff.admin.password.thePassword' | t }}</span>
      </button>
    </div>
  `,
  styles: `
    .password {
      display: flex;
      align-items: flex-start;
      gap: 8px;
    }
    mat-form-field {
      flex: 1;
    }
    input {
      font-family: ui-monospace, Menlo, Consolas, monospace;
    }
    button {
      margin-top: 6px;
    }
  `,
})
export class PasswordField {
  readonly control = input.required<FormControl<string>>();
  /** The field's words; "Password" (in the reader's language) unless given. */
  readonly label = input<string>();
  readonly generated = output<string>();
  protected readonly visible = signal(false);
  protected readonly min = MIN_PASSWORD_LENGTH;
  protected readonly error = controlErrors();

  protected generate(): void {
    const password = generatePassword();
    this.control().setValue(password);
    this.control().markAsDirty();
    this.visible.set(true);
    this.generated.emit(password);
  }
}
