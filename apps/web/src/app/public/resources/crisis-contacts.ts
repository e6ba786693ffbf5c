import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { Subject, combineLatest, startWith, switchMap } from 'rxjs';
import { emergencyNumberFor } from '@sg/domain';
import { countryName, countryOptions } from '../country/country';
import { ContactText } from './contact-text';
import { isCountryEmergencyEntry } from './emergency-entries';
import { CrisisContactsState, PublicResources } from './public-resources';

let nextId = 0;

/**
 * Who to call right now, for the chosen country, with numbers that dial on tap. Used on the
 * first screen and the moment someone says they might hurt themselves or are in danger.
 */
@Component({
  selector: 'sg-crisis-contacts',
  imports: [ContactText],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .crisis-list {
      list-style: none; margin: 0 0 1rem; padding: 0;
      li { padding: 0.75rem 0; border-bottom: 1px solid var(--line); }
      li:last-child { border-bottom: 0; }
    }
    .crisis-name { display: block; font-weight: 700; }
    .crisis-site { display: flex; align-items: center; width: fit-content; min-height: 44px; }
    .crisis-country { margin: 0; label { font-weight: 400; font-size: 1rem; } }
    .crisis-fallback { font-weight: 700; margin: 0 0 0.5rem; }
    .crisis-retry { margin: 0 0 1rem; }
  `,
  template: `
    @if (showEmergencyLine()) {
      <!-- Built into the page, so it shows while the directory loads, and when it cannot be reached. -->
      <p class="crisis-fallback" data-testid="emergency-number">
        @if (emergencyNumber(); as number) {
          If you are in danger now, <sg-contact-text [contact]="'call ' + number" />
        } @else {
          If you are in danger now, call your local emergency number.
        }
      </p>
    }
    @if (state().kind !== 'ready' || contacts().length === 0) {
      @if (state().kind === 'loading') {
        <p class="crisis-loading">Finding helplines…</p>
      } @else if (state().kind === 'failed') {
        <p class="crisis-retry">
          We could not load the helplines just now.
          <button type="button" class="button" (click)="retry()">Try again</button>
        </p>
      }
    }
    <ul class="crisis-list">
      @for (resource of contacts(); track resource.key) {
        <li>
          <span class="crisis-name">{{ resource.name }}</span>
          <span class="crisis-contact"><sg-contact-text [contact]="resource.contact" /></span>
          @if (resource.url) {
            <a class="crisis-site" [href]="resource.url" target="_blank" rel="noopener noreferrer">
              Website<span class="visually-hidden">: {{ resource.name }} (opens in a new tab)</span>
            </a>
          }
        </li>
      }
    </ul>
    <div class="field crisis-country">
      <label [for]="selectId">
        Showing helplines for {{ countryLabel() }}. Somewhere else? Choose your country:
      </label>
      <select [id]="selectId" (change)="choose($event)">
        @if (!country()) {
          <option value="">Choose a country</option>
        }
        @for (option of options; track option.code) {
          <option [value]="option.code" [selected]="option.code === country()">{{ option.name }}</option>
        }
      </select>
    </div>
  `,
})
export class CrisisContacts {
  private readonly resources = inject(PublicResources);

  readonly country = input.required<string | null>();
  readonly countryChange = output<string>();

  protected readonly selectId = `crisis-country-${nextId++}`;
  protected readonly options = countryOptions();
  protected readonly countryLabel = computed(() => {
    const country = this.country();
    return country ? countryName(country) : 'anywhere';
  });
  private readonly retries = new Subject<void>();
  protected readonly state = toSignal(
    combineLatest([toObservable(this.country), this.retries.pipe(startWith(undefined))]).pipe(
      switchMap(([country]) => this.resources.crisisContacts(country)),
    ),
    { initialValue: { kind: 'loading' } as CrisisContactsState },
  );
  protected readonly contacts = computed(() => {
    const state = this.state();
    if (state.kind !== 'ready') return [];
    // The country's own "Emergency services" comes first; the worldwide one says the same less precisely.
    return state.contacts.filter((resource, index) => state.contacts.findIndex((other) => other.name === resource.name) === index);
  });

  protected readonly emergencyNumber = computed(() => emergencyNumberFor(this.country()));
  /** Unless the directory's own "Emergency services" entry for the country is on screen already. */
  protected readonly showEmergencyLine = computed(() => {
    if (this.state().kind !== 'ready' || this.contacts().length === 0) return true;
    return this.emergencyNumber() !== undefined && !this.contacts().some(isCountryEmergencyEntry);
  });

  protected retry(): void {
    this.retries.next();
  }

  protected choose(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    if (value) this.countryChange.emit(value);
  }
}
