import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { FormArray, FormControl, FormGroup, NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MAX_PLATFORMS } from '../contracts/public-contract';
import type { Translatable } from '@sg/domain';
import { TranslatePipe } from '../../system/i18n/translate.pipe';
import { describedBy, FieldError, fieldId } from './field-error';

export type PlatformRowForm = FormGroup<{
  platform: FormControl<string>;
  offenderHandle: FormControl<string>;
  profileUrl: FormControl<string>;
}>;

export function platformRowForm(fb: NonNullableFormBuilder, value?: Partial<PlatformRowForm['value']>): PlatformRowForm {
  return fb.group({
    platform: fb.control(value?.platform ?? ''),
    offenderHandle: fb.control(value?.offenderHandle ?? ''),
    profileUrl: fb.control(value?.profileUrl ?? ''),
  });
}

/**
 * Where the person threatening you is: one row per app or site, as many as needed.
 * `path` names the list in error keys (`where.platforms` → `where.platforms[0].profileUrl`).
 */
@Component({
  selector: 'sg-platform-rows',
  imports: [ReactiveFormsModule, FieldError, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @for (row of rows().controls; track row; let i = $index) {
      <fieldset class="row-group" [formGroup]="row">
        <legend>{{ 'person.fields.platform' | t: { n: i + 1 } }}</legend>
        @let platform = id(i, 'platform');
        <div class="field">
          <label [for]="platform">{{ 'person.fields.platformRows.which' | t }}</label>
          <p class="hint" [id]="platform + '-hint'">{{ 'person.fields.platformRows.whichHint' | t }}</p>
          <input
            [id]="platform"
            type="text"
            formControlName="platform"
            autocomplete="off"
            maxlength="80"
            [attr.aria-invalid]="!!error(i, 'platform')"
            [attr.aria-describedby]="describedBy(platform, !!error(i, 'platform'), true)"
          />
          <sg-field-error [errorId]="platform + '-error'" [message]="error(i, 'platform')" />
        </div>
        @let handle = id(i, 'offenderHandle');
        <div class="field">
          <label [for]="handle">{{ 'person.fields.platformRows.handle' | t }}</label>
          <input
            [id]="handle"
            type="text"
            formControlName="offenderHandle"
            autocomplete="off"
            autocapitalize="off"
            spellcheck="false"
            maxlength="200"
            [attr.aria-invalid]="!!error(i, 'offenderHandle')"
            [attr.aria-describedby]="describedBy(handle, !!error(i, 'offenderHandle'))"
          />
          <sg-field-error [errorId]="handle + '-error'" [message]="error(i, 'offenderHandle')" />
        </div>
        @let url = id(i, 'profileUrl');
        <div class="field">
          <label [for]="url">{{ 'person.fields.platformRows.url' | t }}</label>
          <p class="hint" [id]="url + '-hint'">{{ 'person.fields.platformRows.urlHint' | t }}</p>
          <input
            [id]="url"
            type="url"
            inputmode="url"
            formControlName="profileUrl"
            autocomplete="off"
            autocapitalize="off"
            spellcheck="false"
            [attr.aria-invalid]="!!error(i, 'profileUrl')"
            [attr.aria-describedby]="describedBy(url, !!error(i, 'profileUrl'), true)"
          />
          <sg-field-error [errorId]="url + '-error'" [message]="error(i, 'profileUrl')" />
        </div>
        @if (rows().length > 1) {
          <button type="button" class="button link" (click)="remove(i)">{{ 'person.fields.platformRows.remove' | t: { n: i + 1 } }}</button>
        }
      </fieldset>
    }
    @if (rows().length < max) {
      <button type="button" class="button secondary" (click)="add()">{{ 'person.fields.platformRows.add' | t }}</button>
    }
  `,
})
export class PlatformRows {
  private readonly fb = inject(NonNullableFormBuilder);

  readonly rows = input.required<FormArray<PlatformRowForm>>();
  readonly path = input.required<string>();
  readonly errors = input<Readonly<Record<string, Translatable | string>>>({});

  protected readonly max = MAX_PLATFORMS;
  protected readonly describedBy = describedBy;

  protected id(index: number, field: string): string {
    return fieldId(`${this.path()}[${index}].${field}`);
  }

  protected error(index: number, field: string): Translatable | string | undefined {
    return this.errors()[`${this.path()}[${index}].${field}`];
  }

  protected add(): void {
    this.rows().push(platformRowForm(this.fb));
  }

  protected remove(index: number): void {
    this.rows().removeAt(index);
  }
}
