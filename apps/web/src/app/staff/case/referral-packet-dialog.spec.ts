import { HttpErrorResponse, HttpHeaders, HttpResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { of, throwError } from 'rxjs';
import { speakInTests } from '../../system/i18n/testing';
import { DownloadsApi } from '../data-access/downloads-api';
import { ReferralPacketDialog, ReferralPacketDialogData } from './referral-packet-dialog';
import { hostOf, query } from '../../../testing/dom';

function open(data: Partial<ReferralPacketDialogData>, referralPacket: jest.Mock) {
  const close = jest.fn();
  TestBed.configureTestingModule({
    providers: [
      speakInTests(),
      {
        provide: MAT_DIALOG_DATA,
        useValue: { caseId: 'case-1', reference: 'SG-AAAA-BBBB', consentToContact: true, hasContactDetails: true, holdsOrSupervises: true, ...data },
      },
      { provide: MatDialogRef, useValue: { close } },
      { provide: DownloadsApi, useValue: { referralPacket } },
    ],
  });
  const fixture = TestBed.createComponent(ReferralPacketDialog);
  fixture.detectChanges();
  const root = hostOf(fixture);
  const checkbox = () => query(root, 'mat-checkbox input', HTMLInputElement);
  const submit = () => {
    root.querySelector('form')?.dispatchEvent(new Event('submit'));
    fixture.detectChanges();
  };
  return { close, root, checkbox, submit, fixture };
}

describe('ReferralPacketDialog', () => {
  let createObjectURL: jest.Mock;
  let saved: string[];
  beforeEach(() => {
    createObjectURL = jest.fn(() => 'blob:packet');
    saved = [];
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
  });
  afterEach(() => jest.restoreAllMocks());

  const pdf = () =>
    of(
      new HttpResponse({
        body: new Blob(['%PDF']),
        headers: new HttpHeaders({ 'content-disposition': 'attachment; filename="referral-packet-SG-AAAA-BBBB-police.pdf"' }),
      }),
    );

  it('disables "include contact details" and says why when the person did not agree to be contacted', () => {
    const referralPacket = jest.fn(pdf);
    const { root, checkbox, submit } = open({ consentToContact: false }, referralPacket);
    expect(checkbox().disabled).toBe(true);
    expect(root.querySelector('[data-testid="packet-contact-why"]')?.textContent).toContain('did not agree to be contacted');
    submit();
    expect(referralPacket).toHaveBeenCalledWith('case-1', 'police', false);
  });

  it('asks a caseworker who does not hold the case to claim it before contact details can go in', () => {
    const { root, checkbox } = open({ holdsOrSupervises: false }, jest.fn(pdf));
    expect(checkbox().disabled).toBe(true);
    expect(root.querySelector('[data-testid="packet-contact-why"]')?.textContent).toContain('claim the case first');
  });

  it('downloads the packet for the chosen recipient, with contact details only when ticked, under the server’s file name', () => {
    const referralPacket = jest.fn(pdf);
    const { close, checkbox, submit, root } = open({}, referralPacket);
    expect(checkbox().disabled).toBe(false);
    expect(root.querySelector('[data-testid="packet-contact-why"]')).toBeNull();
    checkbox().click();
    submit();
    expect(referralPacket).toHaveBeenCalledWith('case-1', 'police', true);
    expect(createObjectURL).toHaveBeenCalled();
    expect(saved).toEqual(['referral-packet-SG-AAAA-BBBB-police.pdf']);
    expect(close).toHaveBeenCalledWith(true);
  });

  it('stays open and says why when the server refuses', () => {
    const referralPacket = jest.fn(() =>
      throwError(() => new HttpErrorResponse({ status: 409, error: { statusCode: 409, message: 'The person left no contact details.' } })),
    );
    const { close, root, submit } = open({}, referralPacket);
    submit();
    expect(close).not.toHaveBeenCalled();
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('The person left no contact details.');
  });
});
