import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialogActions, MatDialogClose, MatDialogContent, MatDialogTitle } from '@angular/material/dialog';
import { SHORTCUT_HELP } from '../keyboard/shortcuts';

@Component({
  selector: 'sg-shortcuts-dialog',
  imports: [MatDialogTitle, MatDialogContent, MatDialogActions, MatDialogClose, MatButton],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>Keyboard shortcuts</h2>
    <mat-dialog-content>
      <p>They work anywhere in the dashboard except while you type in a field.</p>
      <dl>
        @for (shortcut of shortcuts; track shortcut.keys) {
          <div>
            <dt><kbd>{{ shortcut.keys }}</kbd></dt>
            <dd>{{ shortcut.does }}</dd>
          </div>
        }
      </dl>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button matButton mat-dialog-close>Close</button>
    </mat-dialog-actions>
  `,
  styles: `
    dl { display: grid; gap: 6px; margin: 0; }
    dl div { display: grid; grid-template-columns: 80px 1fr; align-items: center; }
    dd { margin: 0; }
    kbd {
      display: inline-block;
      min-width: 28px;
      padding: 2px 8px;
      border: 1px solid var(--mat-sys-outline);
      border-bottom-width: 2px;
      border-radius: 4px;
      text-align: center;
      font: var(--mat-sys-label-large);
    }
  `,
})
export class ShortcutsDialog {
  protected readonly shortcuts = SHORTCUT_HELP;
}
