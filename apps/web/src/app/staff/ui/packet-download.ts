import type { HttpResponse } from '@angular/common/http';
import { signal } from '@angular/core';
import type { MatDialogRef } from '@angular/material/dialog';
import { finalize, type Observable } from 'rxjs';
import type { I18n } from '../../system/i18n/i18n';
import { problemMessage } from './http-errors';
import { saveDownload } from './save-download';

/**
 * A packet download from a dialog: busy while it runs, the file handed to the browser and the dialog
 * closed when it arrives, the server's reason shown when it does not. Shared by the case's and the
 * cluster's referral packet dialogs.
 */
export class PacketDownload {
  readonly busy = signal(false);
  readonly problem = signal<string | null>(null);

  constructor(
    private readonly i18n: I18n,
    private readonly ref: MatDialogRef<unknown, boolean>,
  ) {}

  start(request: Observable<HttpResponse<Blob>>, fallbackFileName: string): void {
    this.problem.set(null);
    this.busy.set(true);
    request.pipe(finalize(() => this.busy.set(false))).subscribe({
      next: (response) => {
        saveDownload(response, fallbackFileName);
        this.ref.close(true);
      },
      error: (error: unknown) => this.problem.set(this.i18n.t('staff.case.packet.failed', { reason: problemMessage(this.i18n, error) })),
    });
  }
}
