import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatOption, MatSelect } from '@angular/material/select';
import { REFERRAL_RECIPIENTS, type IdentifierCluster, type ReferralRecipient } from '@sg/contracts';
import { I18n } from '../../system/i18n/i18n';
import { TranslatePipe } from '../../system/i18n/translate.pipe';
import { RECIPIENT_LABELS } from '../case/referral-packet-dialog';
import { DownloadsApi } from '../data-access/downloads-api';
import { PacketDownload } from '../ui/packet-download';

export type ClusterPacketDialogData = Pick<IdentifierCluster, 'key' | 'kind' | 'value'>;

/**
 * A referral packet from a cluster: every case holding the identifier in one PDF, for police, the
 * CyberTipline or a platform. Only the recipient is chosen: a packet of several cases never holds
 * contact details, so there is nothing to tick. Generating one is recorded on the server.
 */
/** Police first, as on a case's packet (typed as the union, so the control takes any recipient). */
const FIRST_RECIPIENT: ReferralRecipient = 'police';

@Component({
  selector: 'sg-cluster-packet-dialog',
  imports: [
    TranslatePipe,
    ReactiveFormsModule,
    MatDialogTitle,
    MatDialogContent,
    MatDialogActions,
    MatDialogClose,
    MatButton,
    MatFormField,
    MatLabel,
    MatSelect,
    MatOption,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ 'staff.clusters.packet.heading' | t }}</h2>
    <form [formGroup]="form" (ngSubmit)="download()" novalidate>
      <mat-dialog-content>
        <p class="identifier">
          <span class="kind">{{ 'staff.identifiers.kinds.' + data.kind | t }}</span>
          <span class="mono">{{ data.value }}</span>
        </p>
        <p class="hint">{{ 'staff.clusters.packet.hint' | t }}</p>
        <mat-form-field class="wide">
          <mat-label>{{ 'staff.case.packet.recipient' | t }}</mat-label>
          <mat-select formControlName="recipient" required>
            @for (recipient of recipients; track recipient) {
              <mat-option [value]="recipient">{{ recipientLabels[recipient] | t }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        @if (packet.problem(); as problem) {
          <p class="problem" role="alert">{{ problem }}</p>
        }
        @if (packet.busy()) {
          <p class="meta" role="status">{{ 'staff.case.packet.downloading' | t }}</p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button matButton type="button" mat-dialog-close>{{ 'staff.case.common.cancel' | t }}</button>
        <button matButton="filled" type="submit" [disabled]="packet.busy()">{{ 'staff.case.packet.download' | t }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .wide {
      width: 100%;
    }
    .hint,
    .meta,
    .kind {
      color: var(--mat-sys-on-surface-variant);
    }
    .kind {
      display: block;
      font: var(--mat-sys-body-small);
    }
    .mono {
      font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
      word-break: break-all;
    }
    .problem {
      color: var(--mat-sys-error);
    }
  `,
})
export class ClusterPacketDialog {
  protected readonly data = inject<ClusterPacketDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<ClusterPacketDialog, boolean>>(MatDialogRef);
  private readonly api = inject(DownloadsApi);
  private readonly i18n = inject(I18n);
  protected readonly recipients = REFERRAL_RECIPIENTS;
  protected readonly recipientLabels = RECIPIENT_LABELS;
  protected readonly packet = new PacketDownload(this.i18n, this.ref);
  protected readonly form = inject(FormBuilder).nonNullable.group({ recipient: [FIRST_RECIPIENT] });

  protected download(): void {
    const { recipient } = this.form.getRawValue();
    this.packet.start(this.api.clusterReferralPacket(this.data.key, recipient), `referral-packet-cluster-${recipient}.pdf`);
  }
}
