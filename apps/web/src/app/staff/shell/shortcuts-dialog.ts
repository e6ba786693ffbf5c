import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialogActions, MatDialogClose, MatDialogContent, MatDialogTitle } from '@angular/material/dialog';
import { SHORTCUT_HELP } from '../keyboard/shortcuts';
import { TranslatePipe } from '../../system/i18n/translate.pipe';

/** What each key does, by key (SHORTCUT_HELP's own words are English). */
const DOES: Readonly<Record<string, string>> = {
  j: 'staff.shell.shortcuts.next',
  k: 'staff.shell.shortcuts.previous',
  Enter: 'staff.shell.shortcuts.open',
  c: 'staff.shell.shortcuts.claim',
  '/': 'staff.shell.shortcuts.search',
  '?': 'staff.shell.shortcuts.help',
};

@Component({
  selector: 'sg-shortcuts-dialog',
  imports: [MatDialogTitle, MatDialogContent, MatDialogActions, MatDialogClose, MatButton, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ 'staff.shell.shortcuts.title' | t }}</h2>
    <mat-dialog-content>
      <p>{{ 'staff.shell.shortcuts.intro' | t }}</p>
      <dl>
        @for (shortcut of shortcuts; track shortcut.keys) {
          <div>
            <dt>
              <kbd>{{ shortcut.keys }}</kbd>
            </dt>
            <dd>{{ shortcut.does | t }}</dd>
          </div>
        }
      </dl>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button matButton mat-dialog-close>{{ 'staff.common.close' | t }}</button>
    </mat-dialog-actions>
  `,
  styles: `
    dl {
      display: grid;
      gap: 6px;
      margin: 0;
    }
    dl div {
      display: grid;
      grid-template-columns: 80px 1fr;
      align-items: center;
    }
    dd {
      margin: 0;
    }
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
  protected readonly shortcuts = SHORTCUT_HELP.map((shortcut) => ({ keys: shortcut.keys, does: DOES[shortcut.keys] ?? shortcut.does }));
}
