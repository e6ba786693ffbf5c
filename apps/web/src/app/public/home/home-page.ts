import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { VisitorCountry } from '../country/visitor-country';
import { CrisisContacts } from '../resources/crisis-contacts';
import { TranslatePipe } from '../../system/i18n/translate.pipe';
import { LocalPathPipe } from '../language/local-path.pipe';

/**
 * `/`: the front door. Three things only: the two most urgent steps, the way to start, and who
 * to call if they are in danger now. Quick exit is explained once, here, by the same words as
 * its link (`person.quickExit.link`), so the hint always names the button the person sees.
 */
@Component({
  selector: 'sg-home-page',
  imports: [RouterLink, CrisisContacts, TranslatePipe, LocalPathPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    h2 {
      margin-top: 1.5rem;
    }
    .crisis-panel h2 {
      margin-top: 0;
    }
    .urgent-steps {
      list-style: none;
      counter-reset: urgent;
      margin: 0 0 1rem;
      padding: 0;
      li {
        counter-increment: urgent;
        position: relative;
        margin: 0 0 0.75rem;
        padding: 0 0 0 3.25rem;
        min-height: 2.5rem;
        &::before {
          content: counter(urgent);
          position: absolute;
          left: 0;
          top: 0;
          display: grid;
          place-items: center;
          width: 2.25rem;
          height: 2.25rem;
          border-radius: 50%;
          background: var(--accent);
          color: #fff;
          font-weight: 700;
        }
      }
      strong {
        display: block;
        font-size: 1.2rem;
      }
    }
    .start {
      margin: 1.5rem 0 0.5rem;
    }
    .start-note {
      color: var(--muted);
      text-align: center;
    }
    .exit-note {
      margin-top: 2rem;
      padding: 1rem;
      border: 1px solid var(--line);
      border-radius: 8px;
      font-size: 1rem;
    }
    @media (min-width: 40rem) {
      .start-note {
        text-align: left;
      }
    }
  `,
  template: `
    <h1 tabindex="-1">{{ 'person.home.title' | t }}</h1>
    <p class="lead">{{ 'person.home.lead' | t }}</p>

    <section aria-labelledby="urgent-heading">
      <h2 id="urgent-heading">{{ 'person.home.urgentHeading' | t }}</h2>
      <ol class="urgent-steps">
        <li>
          <strong>{{ 'person.home.noPay' | t }}</strong>
          {{ 'person.home.noPayWhy' | t }}
        </li>
        <li>
          <strong>{{ 'person.home.noDelete' | t }}</strong>
          {{ 'person.home.noDeleteWhy' | t }}
        </li>
      </ol>
    </section>

    <p class="start">
      <a class="button primary big" [routerLink]="'/help' | localPath" [replaceUrl]="true">{{ 'person.home.start' | t }}</a>
    </p>
    <p class="start-note">{{ 'person.home.startNote' | t }}</p>

    <section class="crisis-panel" aria-labelledby="danger-heading">
      <h2 id="danger-heading">{{ 'person.home.dangerHeading' | t }}</h2>
      <p>{{ 'person.home.dangerText' | t }}</p>
      <sg-crisis-contacts [country]="visitor.country()" (countryChange)="visitor.set($event)" />
    </section>

    <p class="exit-note">
      <strong>{{ 'person.home.exitHeading' | t }}</strong> {{ 'person.home.exitHintBefore' | t }} <strong>{{ 'person.quickExit.link' | t }}</strong>
      {{ 'person.home.exitHintAfter' | t }}
      {{ 'person.home.exitNote' | t }}
    </p>
  `,
})
export class HomePage {
  protected readonly visitor = inject(VisitorCountry);
}
