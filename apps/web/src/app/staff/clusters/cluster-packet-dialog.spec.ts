import { HttpErrorResponse, HttpHeaders, HttpResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { of, throwError } from 'rxjs';
import { speakInTests } from '../../system/i18n/testing';
import { DownloadsApi } from '../data-access/downloads-api';
import { ClusterPacketDialog } from './cluster-packet-dialog';
import { hostOf } from '../../../testing/dom';

function open(clusterReferralPacket: jest.Mock) {
  const close = jest.fn();
  TestBed.configureTestingModule({
    providers: [
      speakInTests(),
      { provide: MAT_DIALOG_DATA, useValue: { key: 'cluster-key-1', kind: 'handle', value: 'serial.offender' } },
      { provide: MatDialogRef, useValue: { close } },
      { provide: DownloadsApi, useValue: { clusterReferralPacket } },
    ],
  });
  const fixture = TestBed.createComponent(ClusterPacketDialog);
  fixture.detectChanges();
  const root = hostOf(fixture);
  const submit = () => {
    root.querySelector('form')?.dispatchEvent(new Event('submit'));
    fixture.detectChanges();
  };
  return { close, root, submit, fixture };
}

describe('ClusterPacketDialog', () => {
  let saved: string[];
  beforeEach(() => {
    saved = [];
    Object.assign(URL, { createObjectURL: jest.fn(() => 'blob:packet'), revokeObjectURL: jest.fn() });
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
  });
  afterEach(() => jest.restoreAllMocks());

  const pdf = () =>
    of(
      new HttpResponse({
        body: new Blob(['%PDF']),
        headers: new HttpHeaders({ 'content-disposition': 'attachment; filename="referral-packet-cluster-abcd1234-police.pdf"' }),
      }),
    );

  it('names the identifier, says contact details never go in, and offers no box for them', () => {
    const { root } = open(jest.fn(pdf));
    expect(root.textContent).toContain('serial.offender');
    expect(root.textContent).toContain('Contact details are never included');
    expect(root.querySelector('mat-checkbox')).toBeNull();
  });

  it('downloads the packet for the chosen recipient under the server’s file name, and closes', () => {
    const clusterReferralPacket = jest.fn(pdf);
    const { close, submit } = open(clusterReferralPacket);
    submit();
    expect(clusterReferralPacket).toHaveBeenCalledWith('cluster-key-1', 'police');
    expect(saved).toEqual(['referral-packet-cluster-abcd1234-police.pdf']);
    expect(close).toHaveBeenCalledWith(true);
  });

  it('stays open and says why when the server refuses', () => {
    const clusterReferralPacket = jest.fn(() =>
      throwError(() => new HttpErrorResponse({ status: 404, error: { statusCode: 404, message: 'No cluster by that key' } })),
    );
    const { close, root, submit } = open(clusterReferralPacket);
    submit();
    expect(close).not.toHaveBeenCalled();
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('No cluster by that key');
  });
});
