import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { VisitorCountry } from '../country/visitor-country';
import { CrisisContacts } from '../resources/crisis-contacts';

/**
 * `/`: the front door. Three things only: the two most urgent steps, the way to start, and who
 * to call if they are in danger now. Quick exit is explained once, here.
 */
@Component({
  selector: 'sg-home-page',
  imports: [RouterLink, CrisisContacts],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    h2 { margin-top: 1.5rem; }
    .crisis-panel h2 { margin-top: 0; }
    .urgent-steps {
      list-style: none; counter-reset: urgent; margin: 0 0 1rem; padding: 0;
      li {
        counter-increment: urgent; position: relative;
        margin: 0 0 0.75rem; padding: 0 0 0 3.25rem; min-height: 2.5rem;
        &::before {
          content: counter(urgent); position: absolute; left: 0; top: 0;
          display: grid; place-items: center; width: 2.25rem; height: 2.25rem; border-radius: 50%;
          background: var(--accent); color: #fff; font-weight: 700;
        }
      }
      strong { display: block; font-size: 1.2rem; }
    }
    .start { margin: 1.5rem 0 0.5rem; }
    .start-note { color: var(--muted); text-align: center; }
    .exit-note { margin-top: 2rem; padding: 1rem; border: 1px solid var(--line); border-radius: 8px; font-size: 1rem; }
    @media (min-width: 40rem) { .start-note { text-align: left; } }
  `,
  template: `
    <h1 tabindex="-1">Is someone threatening to share pictures of you?</h1>
    <p class="lead">It is not your fault. You are not in trouble. We can help.</p>

    <section aria-labelledby="urgent-heading">
      <h2 id="urgent-heading">Do these two things now</h2>
      <ol class="urgent-steps">
        <li>
          <strong>Do not pay. Do not send anything more.</strong>
          Paying almost never makes it stop.
        </li>
        <li>
          <strong>Do not delete your messages or account.</strong>
          Block them instead. The messages can help stop them.
        </li>
      </ol>
    </section>

    <p class="start">
      <a class="button primary big" routerLink="/help" [replaceUrl]="true">Get help now</a>
    </p>
    <p class="start-note">A few short questions. Skip any you want. You do not need to give your name.</p>

    <section class="crisis-panel" aria-labelledby="danger-heading">
      <h2 id="danger-heading">In danger now?</h2>
      <p>If you might hurt yourself, or someone could hurt you, call now. These are free and private.</p>
      <sg-crisis-contacts [country]="visitor.country()" (countryChange)="visitor.set($event)" />
    </section>

    <p class="exit-note">
      <strong>Need to leave fast?</strong> Press <strong>Quick exit</strong> at the top, or press the Esc key twice.
      We will swap this page for a weather page and clear your answers.
    </p>
  `,
})
export class HomePage {
  protected readonly visitor = inject(VisitorCountry);
}
