import { ChangeDetectionStrategy, Component, afterNextRender, computed, inject, input, output, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { Subject, combineLatest, startWith, switchMap } from 'rxjs';
import { emergencyNumberFor, emergencyNumberText } from '@sg/domain/geo';
import { I18n } from '../../system/i18n/i18n';
import { TranslatePipe } from '../../system/i18n/translate.pipe';
import { countryName, countryOptions } from '../country/country';
import { ContactText } from './contact-text';
import { ResourceTextPipe } from './resource-text.pipe';
import { isCountryEmergencyEntry } from './emergency-entries';
import { PublicResources } from './public-resources';

let nextId = 0;

/**
 * Who to call right now, for the chosen country, with numbers that dial on tap. Used on the
 * first screen and the moment someone says they might hurt themselves or are in danger.
 */
@Component({
  selector: 'sg-crisis-contacts',
  imports: [ContactText, TranslatePipe, ResourceTextPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .crisis-list {
      list-style: none;
      margin: 0 0 1rem;
      padding: 0;
      li {
        padding: 0.75rem 0;
        border-bottom: 1px solid var(--line);
      }
      li:last-child {
        border-bottom: 0;
      }
    }
    .crisis-name {
      display: block;
      font-weight: 700;
    }
    .crisis-site {
      display: flex;
      align-items: center;
      width: fit-content;
      min-height: 44px;
    }
    .crisis-country {
      margin: 0;
      label {
        font-weight: 400;
        font-size: 1rem;
      }
    }
    .crisis-fallback {
      font-weight: 700;
      margin: 0 0 0.5rem;
    }
    .crisis-retry {
      margin: 0 0 1rem;
    }
  `,
  template: `
    @if (showEmergencyLine()) {
      <!-- Built into the page, so it shows while the directory loads, and when it cannot be reached. -->
      <p class="crisis-fallback" data-testid="emergency-number">
        @if (emergencyLine(); as line) {
          <sg-contact-text [contact]="line" />
        } @else {
          {{ 'person.crisis.inDangerLocal' | t }}
        }
      </p>
    }
    @if (state().kind !== 'ready' || contacts().length === 0) {
      @if (state().kind === 'loading') {
        <p class="crisis-loading">{{ 'person.crisis.loading' | t }}</p>
      } @else if (state().kind === 'failed') {
        <p class="crisis-retry">
          {{ 'person.crisis.failed' | t }}
          <button type="button" class="button" (click)="retry()">{{ 'person.crisis.retry' | t }}</button>
        </p>
      }
    }
    <ul class="crisis-list">
      @for (resource of contacts(); track resource.key) {
        <li>
          <span class="crisis-name">{{ (resource | resourceText).name }}</span>
          <span class="crisis-contact"><sg-contact-text [contact]="(resource | resourceText).contact" /></span>
          @if (resource.url) {
            <a class="crisis-site" [href]="resource.url" target="_blank" rel="noopener noreferrer">
              {{ 'person.crisis.website' | t
              }}<span class="visually-hidden">{{ 'person.crisis.websiteHidden' | t: { name: (resource | resourceText).name } }}</span>
            </a>
          }
        </li>
      }
    </ul>
    <div class="field crisis-country">
      <label [for]="selectId">
        {{ countryLabel() }}
      </label>
      <select [id]="selectId" (change)="choose($event)" (focus)="listAllCountries()" (pointerdown)="listAllCountries()">
        @if (!country() || !countriesNamed()) {
          <option value="">{{ 'person.crisis.chooseCountry' | t }}</option>
        }
        @for (option of options(); track option.code) {
          <option [value]="option.code" [selected]="option.code === country()">{{ option.name }}</option>
        }
      </select>
    </div>
  `,
})
export class CrisisContacts {
  private readonly resources = inject(PublicResources);
  private readonly i18n = inject(I18n);

  readonly country = input.required<string | null>();
  readonly countryChange = output<string>();

  protected readonly selectId = `crisis-country-${nextId++}`;
  /**
   * Countries are named (`Intl.DisplayNames`, sorted in the page's language) once the first
   * screen is up, or the moment the select is touched: loading the names cost a slow phone
   * ~60-70 ms before it could answer a tap. Until then no country is named ("somewhere else?
   * choose your country"), while the emergency line and the helplines already follow the guess.
   */
  protected readonly countriesNamed = signal(false);
  protected readonly options = computed(() => (this.countriesNamed() ? countryOptions(this.i18n.language()) : []));
  protected readonly countryLabel = computed(() => {
    const country = this.country();
    if (!country) return this.i18n.t('person.crisis.showingAnywhere');
    // Before countries are named: the helplines follow the guessed country already, unnamed.
    if (!this.countriesNamed()) return this.i18n.t('person.crisis.showingElsewhere');
    return this.i18n.t('person.crisis.showingFor', { country: countryName(country, this.i18n.language()) });
  });

  constructor() {
    afterNextRender(() => {
      const listAll = () => this.listAllCountries();
      if (typeof requestIdleCallback === 'function') requestIdleCallback(listAll, { timeout: 1000 });
      else setTimeout(listAll, 0);
    });
  }

  protected listAllCountries(): void {
    this.countriesNamed.set(true);
  }
  private readonly retries = new Subject<void>();
  protected readonly state = toSignal(
    combineLatest([toObservable(this.country), this.retries.pipe(startWith(undefined))]).pipe(switchMap(([country]) => this.resources.crisisContacts(country))),
    { initialValue: { kind: 'loading' } },
  );
  protected readonly contacts = computed(() => {
    const state = this.state();
    if (state.kind !== 'ready') return [];
    // The country's own "Emergency services" comes first; the worldwide one says the same less precisely.
    return state.contacts.filter((resource, index) => state.contacts.findIndex((other) => other.name === resource.name) === index);
  });

  protected readonly emergencyNumber = computed(() => emergencyNumberFor(this.country()));
  /**
   * "If you are in danger now, call 999, or 112 from a mobile" in the page's language, as one
   * line for `sg-contact-text`, which makes the numbers in it tappable whatever words surround them.
   */
  protected readonly emergencyLine = computed(() => {
    const numbers = emergencyNumberText(this.country());
    return numbers ? this.i18n.t('person.crisis.inDangerCall', { numbers: this.i18n.text(numbers) }) : undefined;
  });
  /** Unless the directory's own "Emergency services" entry for the country is on screen already. */
  protected readonly showEmergencyLine = computed(() => {
    if (this.state().kind !== 'ready' || this.contacts().length === 0) return true;
    return this.emergencyNumber() !== undefined && !this.contacts().some(isCountryEmergencyEntry);
  });

  protected retry(): void {
    this.retries.next();
  }

  protected choose(event: Event): void {
    const select = event.target;
    if (!(select instanceof HTMLSelectElement)) return;
    const value = select.value;
    if (value) this.countryChange.emit(value);
  }
}
