import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { Language } from '@sg/domain';
import { speakInTests } from '../../system/i18n/testing';
import { CopyCode } from './copy-code';
import { hostOf } from '../../../testing/dom';

@Component({
  imports: [CopyCode],
  template: `<sg-copy-code codeId="reference" [label]="label" value="SG-7K2M-4QXD" />`,
})
class Host {
  label = 'Reference';
}

async function render(language: Language, label: string) {
  await TestBed.configureTestingModule({ imports: [Host], providers: [speakInTests(language)] }).compileComponents();
  const fixture = TestBed.createComponent(Host);
  fixture.componentInstance.label = label;
  await fixture.whenStable();
  return fixture;
}

describe('CopyCode', () => {
  let writeText: jest.Mock;
  beforeEach(() => {
    writeText = jest.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
  });

  it('copies the code and says so, in English as before', async () => {
    const fixture = await render('en', 'Reference');
    const root = hostOf(fixture);
    const button = root.querySelector('button');
    expect(button?.textContent?.trim()).toBe('Copy');
    button?.click();
    await fixture.whenStable();
    expect(writeText).toHaveBeenCalledWith('SG-7K2M-4QXD');
    expect(root.querySelector('[role="status"]')?.textContent).toBe('Reference copied.');
  });

  it('speaks the page language around the label it is given', async () => {
    const fixture = await render('es', 'Referencia');
    const root = hostOf(fixture);
    expect(root.querySelector('button')?.textContent?.trim()).toBe('Copiar');
    root.querySelector('button')?.click();
    await fixture.whenStable();
    expect(root.querySelector('[role="status"]')?.textContent).toBe('Copiado: Referencia.');
  });
});
