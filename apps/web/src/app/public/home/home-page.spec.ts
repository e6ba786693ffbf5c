import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { Language } from '@sg/domain';
import { speakInTests } from '../../system/i18n/testing';
import { SESSION_STORAGE } from '../session/public-session-store';
import { QuickExitLink } from '../quick-exit/quick-exit-link';
import { QUICK_EXIT_URL } from '../quick-exit/quick-exit';
import { HomePage } from './home-page';
import { hostOf } from '../../../testing/dom';

/** The front door as the person sees it: the header's quick exit above the page. */
@Component({
  imports: [QuickExitLink, HomePage],
  template: `<header><sg-quick-exit-link /></header>
    <sg-home-page />`,
})
class FrontDoor {}

async function render(language: Language) {
  await TestBed.configureTestingModule({
    imports: [FrontDoor],
    providers: [
      provideRouter([]),
      provideHttpClient(),
      provideHttpClientTesting(),
      // A country the visitor chose: the crisis panel asks for Spain's helplines.
      {
        provide: SESSION_STORAGE,
        useValue: {
          getItem: (key: string) => (key === 'sg.country' ? '"ES"' : null),
          setItem: () => undefined,
          removeItem: () => undefined,
          clear: () => undefined,
        },
      },
      speakInTests(language),
    ],
  }).compileComponents();
  const fixture = TestBed.createComponent(FrontDoor);
  await fixture.whenStable();
  TestBed.inject(HttpTestingController)
    .expectOne((request) => request.url === '/api/resources')
    .flush([]);
  await fixture.whenStable();
  return hostOf(fixture);
}

const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim();

describe('HomePage', () => {
  it('says the same calm things in English as before', async () => {
    const root = await render('en');
    expect(text(root.querySelector('h1'))).toBe('Is someone threatening to share pictures of you?');
    expect(text(root.querySelector('.lead'))).toBe('It is not your fault. You are not in trouble. We can help.');
    expect(text(root.querySelector('.urgent-steps li'))).toBe('Do not pay. Do not send anything more. Paying almost never makes it stop.');
    expect(text(root.querySelector('a.button'))).toBe('Get help now');
    expect(root.querySelector('a.button')?.getAttribute('href')).toBe('/help');
    expect(text(root.querySelector('.exit-note'))).toBe(
      'Need to leave fast? Press Quick exit at the top, or press the Esc key twice. We will swap this page for a weather page and clear your answers.',
    );
    expect(text(root.querySelector('[data-testid="emergency-number"]'))).toBe('If you are in danger now, call 112');
  });

  it('speaks Spanish under /es: the steps, the start, the quick exit label and its hint, the crisis panel', async () => {
    const root = await render('es');
    expect(text(root.querySelector('h1'))).toBe('¿Alguien amenaza con compartir fotos tuyas?');
    expect(text(root.querySelector('.lead'))).toBe('No es tu culpa. No estás en problemas. Podemos ayudarte.');
    expect(text(root.querySelector('#urgent-heading'))).toBe('Haz estas dos cosas ahora');
    expect(text(root.querySelector('.urgent-steps li strong'))).toBe('No pagues. No envíes nada más.');

    const start = root.querySelector('a.button');
    expect(text(start)).toBe('Pide ayuda ahora');
    expect(start?.getAttribute('href')).toBe('/es/help');

    // The quick exit link is translated, its destination is not.
    const exit = root.querySelector<HTMLAnchorElement>('header a.quick-exit');
    expect(text(exit)).toBe('Salida rápida');
    expect(exit?.href).toBe(QUICK_EXIT_URL);
    // The hint names the button by the words on it.
    expect(text(root.querySelector('.exit-note'))).toBe(
      '¿Necesitas salir rápido? Pulsa Salida rápida arriba, o pulsa dos veces la tecla Esc. Cambiaremos esta página por una del clima y borraremos tus respuestas.',
    );

    expect(text(root.querySelector('#danger-heading'))).toBe('¿Estás en peligro ahora?');
    expect(text(root.querySelector('[data-testid="emergency-number"]'))).toBe('Si estás en peligro ahora, llama al 112');
    expect(root.querySelector('[data-testid="emergency-number"] a[href="tel:112"]')).not.toBeNull();
    expect(text(root.querySelector('.crisis-country label'))).toBe('Líneas de ayuda para España. ¿Estás en otro lugar? Elige tu país:');
    expect(root.textContent).not.toMatch(/Get help|Quick exit|danger/);
  });
});
