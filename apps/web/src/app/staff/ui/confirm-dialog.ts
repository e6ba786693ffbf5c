import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialog, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogTitle } from '@angular/material/dialog';
import { Observable, map } from 'rxjs';
import { TranslatePipe } from '../../system/i18n/translate.pipe';
import { dialogOptions } from './material-options';

export interface ConfirmDialogData {
  title: string;
  message: string;
  /** The confirming button's words, saying what it does ("Deactivate Casey"), never just "OK". */
  confirm: string;
  /** Colours the confirming button as destructive. */
  danger?: boolean;
}

/** "Are you sure?" for actions that are hard to take back, or that may be a mistake. Cancel has focus. */
@Component({
  selector: 'sg-confirm-dialog',
  imports: [TranslatePipe, MatDialogTitle, MatDialogContent, MatDialogActions, MatDialogClose, MatButton],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ data.title }}</h2>
    <mat-dialog-content
      ><p>{{ data.message }}</p></mat-dialog-content
    >
    <mat-dialog-actions align="end">
      <button matButton type="button" [mat-dialog-close]="false" cdkFocusInitial>{{ 'staff.labels.cancel' | t }}</button>
      <button matButton="filled" type="button" [class.danger]="data.danger" [mat-dialog-close]="true">{{ data.confirm }}</button>
    </mat-dialog-actions>
  `,
  styles: `
    .danger {
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
  `,
})
export class ConfirmDialog {
  protected readonly data = inject<ConfirmDialogData>(MAT_DIALOG_DATA);
}

/** Opens the dialog; emits true only when the person confirmed. */
export function confirmAction(dialog: MatDialog, data: ConfirmDialogData): Observable<boolean> {
  return dialog
    .open(ConfirmDialog, dialogOptions({ data, width: '480px', autoFocus: 'dialog' }))
    .afterClosed()
    .pipe(map((answer) => answer === true));
}
