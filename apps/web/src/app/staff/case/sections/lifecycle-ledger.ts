import { NgTemplateOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  Directive,
  ElementRef,
  Renderer2,
  TemplateRef,
  computed,
  contentChild,
  contentChildren,
  effect,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatMenu, MatMenuContent, MatMenuItem, MatMenuTrigger } from '@angular/material/menu';
import { MatProgressBar } from '@angular/material/progress-bar';
import type { Observable } from 'rxjs';
import { controlErrors, validationErrors } from '../../ui/http-errors';
import { WhenPipe } from '../../ui/when';
import { TranslatePipe } from '../../../system/i18n/translate.pipe';
import { I18n } from '../../../system/i18n/i18n';
import type { ListState } from '../case-work-store';
import type { StatusAction } from './lifecycle-actions';

/** What a ledger lists: something with a lifecycle the server moves, one status at a time. */
export interface LedgerEntry<S extends string = string> {
  id: string;
  status: S;
  allowedTransitions?: readonly S[] | null;
  createdAt: string;
}

/** Entries in the order they were opened, oldest first. */
export function oldestFirst<T extends { createdAt: string }>(entries: readonly T[] | null | undefined): T[] {
  return [...(entries ?? [])].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
}

/** The ledger's own words, as catalogue keys, and the id its heading is known by. */
export interface LedgerWords {
  titleId: string;
  title: string;
  hint: string;
  loading: string;
  empty: string;
  /** The one greyed-out menu entry of an entry that cannot move any more. */
  finished: string;
  /** The status button's accessible name, with the row's `rowParams`. */
  updateStatusOf: string;
}

/**
 * The outside party's number for an entry (a platform's ticket, an agency's reference): it often
 * arrives late, so it is recorded in place. Words are catalogue keys; `addFor`/`editFor` take the
 * row's `rowParams`.
 */
export interface LedgerReference<T> {
  header: string;
  label: string;
  errorName: string;
  none: string;
  add: string;
  addFor: string;
  editFor: string;
  maxLength: number;
  value(entry: T): string | null | undefined;
  /** Saves the trimmed value ('' to remove it). */
  save(entry: T, value: string): Observable<unknown>;
}

/** One line of the dates cell: a catalogue key taking `{at}`, and when. */
export interface LedgerDate {
  key: string;
  at: string | null | undefined;
}

/**
 * A column of the entry's own, before the status:
 * `<ng-template sgLedgerColumn="header.key" [sgLedgerColumnOf]="state()" let-row>` (`Of` types `row`).
 */
@Directive({ selector: 'ng-template[sgLedgerColumn]' })
export class LedgerColumn<T> {
  readonly header = input.required<string>({ alias: 'sgLedgerColumn' });
  /** Classes for the cell (`url mono`). */
  readonly sgLedgerColumnClass = input('');
  readonly sgLedgerColumnOf = input<ListState<T>>();
  readonly template = inject<TemplateRef<{ $implicit: T }>>(TemplateRef);

  static ngTemplateContextGuard<T>(column: LedgerColumn<T>, context: unknown): context is { $implicit: T } {
    void column;
    void context;
    return true;
  }
}

/** A line under the status chip (why the entry exists, say): `<ng-template sgLedgerStatusNote [sgLedgerStatusNoteOf]="state()" let-row>`. */
@Directive({ selector: 'ng-template[sgLedgerStatusNote]' })
export class LedgerStatusNote<T> {
  readonly sgLedgerStatusNoteOf = input<ListState<T>>();
  readonly template = inject<TemplateRef<{ $implicit: T }>>(TemplateRef);

  static ngTemplateContextGuard<T>(note: LedgerStatusNote<T>, context: unknown): context is { $implicit: T } {
    void note;
    void context;
    return true;
  }
}

/** Sets an attribute whose name is only known at run time (`data-takedown="id"`). */
@Directive({ selector: '[sgNamedAttribute]' })
export class NamedAttribute {
  readonly name = input.required<string>({ alias: 'sgNamedAttribute' });
  readonly value = input.required<string>({ alias: 'sgNamedAttributeValue' });
  constructor() {
    const element = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
    const renderer = inject(Renderer2);
    effect(() => renderer.setAttribute(element, this.name(), this.value()));
  }
}

/**
 * The ledger of a case's takedown requests or reports: each entry with its status, its outside
 * reference (edited in place), its dates and a menu of the moves the server allows now. The
 * section supplies its own columns, words and add form; the ledger is the same for both.
 */
@Component({
  selector: 'sg-lifecycle-ledger',
  imports: [
    NgTemplateOutlet,
    NamedAttribute,
    WhenPipe,
    TranslatePipe,
    ReactiveFormsModule,
    MatFormField,
    MatLabel,
    MatInput,
    MatError,
    MatButton,
    MatMenu,
    MatMenuItem,
    MatMenuTrigger,
    MatMenuContent,
    MatProgressBar,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './lifecycle-ledger.scss',
  templateUrl: './lifecycle-ledger.html',
})
export class LifecycleLedger<S extends string, T extends LedgerEntry<S>> {
  private readonly i18n = inject(I18n);
  readonly state = input.required<ListState<T>>();
  readonly words = input.required<LedgerWords>();
  /** The attribute that marks a row with its entry's id (`data-takedown`). */
  readonly rowAttribute = input.required<string>();
  readonly statusLabels = input.required<Readonly<Record<S, string>>>();
  /** The chip's colour class for each status: quiet, active, good, bad. */
  readonly tone = input.required<Readonly<Record<S, string>>>();
  readonly actions = input.required<(allowed: readonly S[] | null | undefined) => StatusAction<S>[]>();
  readonly reference = input.required<LedgerReference<T>>();
  readonly dates = input.required<(entry: T) => LedgerDate[]>();
  /** What names an entry in a sentence (`{ platform }`, `{ agency }`). */
  readonly rowParams = input.required<(entry: T) => Record<string, string>>();
  /** The entry being saved: its buttons wait. */
  readonly busyId = input<string | null>(null);
  readonly statusChosen = output<{ entry: T; status: S }>();

  protected readonly columns = contentChildren<LedgerColumn<T>>(LedgerColumn);
  protected readonly statusNote = contentChild<LedgerStatusNote<T>>(LedgerStatusNote);
  protected readonly rows = computed(() => oldestFirst(this.state().items));
  protected readonly error = controlErrors();
  /** The entry whose reference is being edited. */
  protected readonly editing = signal<string | null>(null);
  protected readonly referenceControl = new FormControl('', { nonNullable: true });

  protected editReference(entry: T): void {
    this.referenceControl.setValidators(Validators.maxLength(this.reference().maxLength));
    this.referenceControl.reset(this.reference().value(entry) ?? '');
    this.editing.set(entry.id);
  }

  protected saveReference(entry: T): void {
    if (this.referenceControl.invalid) return;
    this.reference()
      .save(entry, this.referenceControl.value.trim())
      .subscribe({
        next: () => this.editing.set(null),
        error: (error: unknown) => {
          const problem = validationErrors(error)?.[0];
          this.referenceControl.setErrors({ server: problem?.message ?? this.i18n.t('staff.case.common.notAccepted') });
        },
      });
  }

  /** Narrows the menu's `$implicit` back to an entry. */
  protected entry(value: unknown): T {
    // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion -- the menu's `$implicit` is the entry this component passed to it (templates type their context loosely).
    return value as T;
  }
}
