import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatOption, MatSelect } from '@angular/material/select';
import { REFERRAL_RECIPIENTS, type ReferralRecipient } from '@sg/contracts';
import { I18n } from '../../system/i18n/i18n';
import { TranslatePipe } from '../../system/i18n/translate.pipe';
import { DownloadsApi } from '../data-access/downloads-api';
import { PacketDownload } from '../ui/packet-download';

export interface ReferralPacketDialogData {
  caseId: string;
  reference: string;
  /** The person agreed to be contacted. */
  consentToContact: boolean;
  /** They left contact details (sealed on the server). */
  hasContactDetails: boolean;
  /** The reader holds the case or supervises: the server's rule for revealing contact details. */
  holdsOrSupervises: boolean;
}

/** The words for each recipient (the PDF's own labels, said here too). */
export const RECIPIENT_LABELS: Readonly<Record<ReferralRecipient, string>> = {
  police: 'staff.labels.reportAgencyKind.police',
  cybertipline: 'staff.labels.reportAgencyKind.cybertipline',
  platform: 'staff.case.packet.platformRecipient',
};

/**
 * A referral packet for police, the CyberTipline or a platform: who it is for, and whether the
 * person's contact details go in, which is only possible when they agreed to be contacted (the
 * box is then disabled, with the reason beside it). Generating one is recorded on the server.
 */
/** Police first: the recipient most packets go to (typed as the union, so the control takes any of them). */
const FIRST_RECIPIENT: ReferralRecipient = 'police';

@Component({
  selector: 'sg-referral-packet-dialog',
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
    MatCheckbox,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ 'staff.case.packet.heading' | t }} · {{ data.reference }}</h2>
    <form [formGroup]="form" (ngSubmit)="download()" novalidate>
      <mat-dialog-content>
        <p class="hint">{{ 'staff.case.packet.hint' | t }}</p>
        <mat-form-field class="wide">
          <mat-label>{{ 'staff.case.packet.recipient' | t }}</mat-label>
          <mat-select formControlName="recipient" required>
            @for (recipient of recipients; track recipient) {
              <mat-option [value]="recipient">{{ recipientLabels[recipient] | t }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-checkbox formControlName="includeContact" [attr.aria-describedby]="contactReason ? 'packet-contact-why' : null">{{
          'staff.case.packet.includeContact' | t
        }}</mat-checkbox>
        @if (contactReason) {
          <p class="why" id="packet-contact-why" data-testid="packet-contact-why">{{ contactReason | t }}</p>
        }
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
    .why,
    .meta {
      color: var(--mat-sys-on-surface-variant);
    }
    .why {
      margin: 0 0 0 40px;
    }
    .problem {
      color: var(--mat-sys-error);
    }
  `,
})
export class ReferralPacketDialog {
  protected readonly data = inject<ReferralPacketDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<ReferralPacketDialog, boolean>>(MatDialogRef);
  private readonly api = inject(DownloadsApi);
  private readonly i18n = inject(I18n);
  protected readonly recipients = REFERRAL_RECIPIENTS;
  protected readonly recipientLabels = RECIPIENT_LABELS;
  /** Why contact details cannot go in, when they cannot; null when they may. */
  protected readonly contactReason = !this.data.consentToContact
    ? 'staff.case.packet.noConsent'
    : !this.data.hasContactDetails
      ? 'staff.case.packet.noDetails'
      : !this.data.holdsOrSupervises
        ? 'staff.case.packet.claimFirst'
        : null;
  protected readonly packet = new PacketDownload(this.i18n, this.ref);
  protected readonly form = inject(FormBuilder).nonNullable.group({
    recipient: [FIRST_RECIPIENT],
    includeContact: [{ value: false, disabled: this.contactReason !== null }],
  });

  protected download(): void {
    const { recipient, includeContact } = this.form.getRawValue();
    this.packet.start(
      this.api.referralPacket(this.data.caseId, recipient, includeContact && this.contactReason === null),
      `referral-packet-${this.data.reference}.pdf`,
    );
  }
}
