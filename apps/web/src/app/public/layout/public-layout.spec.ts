import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { Language } from '@sg/domain';
import { speakInTests } from '../../system/i18n/testing';
import { LEAVE_SITE, QUICK_EXIT_URL } from '../quick-exit/quick-exit';
import { PublicLayout } from './public-layout';
import { hostOf } from '../../../testing/dom';

describe('PublicLayout', () => {
  let leave: jest.Mock;
  let now: jest.SpyInstance<number, []>;

  async function speak(language: Language) {
    await TestBed.configureTestingModule({
      imports: [PublicLayout],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), { provide: LEAVE_SITE, useValue: leave }, speakInTests(language)],
    }).compileComponents();
  }

  beforeEach(async () => {
    sessionStorage.clear();
    leave = jest.fn();
    now = jest.spyOn(Date, 'now').mockReturnValue(50_000);
    await speak('en');
  });
  afterEach(() => {
    now.mockRestore();
    document.body.style.visibility = '';
  });

  function pressEscape(at: number): void {
    now.mockReturnValue(at);
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
  }

  it('shows a quick exit link to the neutral site in the header', async () => {
    const fixture = TestBed.createComponent(PublicLayout);
    await fixture.whenStable();
    const link = hostOf(fixture).querySelector<HTMLAnchorElement>('header a.quick-exit');
    expect(link?.textContent?.trim()).toBe('Quick exit');
    expect(link?.href).toBe(QUICK_EXIT_URL);
  });

  it('leaves and wipes the form when Escape is pressed twice within a second', async () => {
    const fixture = TestBed.createComponent(PublicLayout);
    await fixture.whenStable();
    sessionStorage.setItem('sg.intake', '{"step":2}');

    pressEscape(50_000);
    expect(leave).not.toHaveBeenCalled();
    pressEscape(50_600);

    expect(leave).toHaveBeenCalledWith(QUICK_EXIT_URL);
    expect(sessionStorage.getItem('sg.intake')).toBeNull();
  });

  it('stays when the two presses are more than a second apart', async () => {
    const fixture = TestBed.createComponent(PublicLayout);
    await fixture.whenStable();
    pressEscape(50_000);
    pressEscape(51_400);
    expect(leave).not.toHaveBeenCalled();
  });

  it('leaves when the quick exit link is clicked, without following it in this tab’s history', async () => {
    const fixture = TestBed.createComponent(PublicLayout);
    await fixture.whenStable();
    const link = hostOf(fixture).querySelector<HTMLAnchorElement>('a.quick-exit');
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    link?.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
    expect(leave).toHaveBeenCalledWith(QUICK_EXIT_URL);
  });

  it('works the same in Spanish: its words change, the page it goes to does not, and it forgets the tab’s language too', async () => {
    TestBed.resetTestingModule();
    await speak('es');
    const fixture = TestBed.createComponent(PublicLayout);
    await fixture.whenStable();
    const link = hostOf(fixture).querySelector<HTMLAnchorElement>('header a.quick-exit');
    expect(link?.textContent?.trim()).toBe('Salida rápida');
    expect(link?.href).toBe(QUICK_EXIT_URL);

    sessionStorage.setItem('sg.language', '"es"');
    sessionStorage.setItem('sg.intake', '{"step":2}');
    pressEscape(50_000);
    pressEscape(50_600);
    expect(leave).toHaveBeenCalledWith(QUICK_EXIT_URL);
    expect(sessionStorage.length).toBe(0);
    expect(document.title).toBe('Clima');
  });
});
