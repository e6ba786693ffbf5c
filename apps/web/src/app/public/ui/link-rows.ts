import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { FormArray, FormControl, NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MAX_CONTENT_URLS } from '../contracts/public-contract';
import type { Translatable } from '@sg/domain';
import { TranslatePipe } from '../../system/i18n/translate.pipe';
import { describedBy, FieldError, fieldId } from './field-error';

/** Links to where something has been posted: one box per link, as many as needed. */
@Component({
  selector: 'sg-link-rows',
  imports: [ReactiveFormsModule, FieldError, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @for (link of links().controls; track link; let i = $index) {
      @let id = rowId(i);
      <div class="field">
        <label [for]="id">{{ 'person.fields.link' | t: { n: i + 1 } }}</label>
        <div class="row-with-action">
          <input
            [id]="id"
            type="url"
            inputmode="url"
            [formControl]="link"
            autocomplete="off"
            autocapitalize="off"
            spellcheck="false"
            [attr.aria-invalid]="!!error(i)"
            [attr.aria-describedby]="describedBy(id, !!error(i))"
          />
          @if (links().length > 1) {
            <button type="button" class="button link" (click)="remove(i)">
              {{ 'person.fields.linkRows.remove' | t }}<span class="visually-hidden"> {{ 'person.fields.linkRows.removeWhich' | t: { n: i + 1 } }}</span>
            </button>
          }
        </div>
        <sg-field-error [errorId]="id + '-error'" [message]="error(i)" />
      </div>
    }
    @if (links().length < max) {
      <button type="button" class="button secondary" (click)="add()">{{ 'person.fields.linkRows.add' | t }}</button>
    }
  `,
})
export class LinkRows {
  private readonly fb = inject(NonNullableFormBuilder);

  readonly links = input.required<FormArray<FormControl<string>>>();
  readonly path = input.required<string>();
  readonly errors = input<Readonly<Record<string, Translatable | string>>>({});

  protected readonly max = MAX_CONTENT_URLS;
  protected readonly describedBy = describedBy;

  protected rowId(index: number): string {
    return fieldId(`${this.path()}[${index}]`);
  }

  protected error(index: number): Translatable | string | undefined {
    return this.errors()[`${this.path()}[${index}]`];
  }

  protected add(): void {
    this.links().push(this.fb.control(''));
  }

  protected remove(index: number): void {
    this.links().removeAt(index);
  }
}
