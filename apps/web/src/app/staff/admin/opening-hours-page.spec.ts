import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { OrganisationHours } from '@sg/contracts';
import { DEFAULT_OPENING_HOURS, found } from '@sg/domain';
import { speakInTests } from '../../system/i18n/testing';
import { OrganisationHoursApi } from '../data-access/organisation-hours-api';
import { Clock } from '../ui/clock';
import { OpeningHoursPage } from './opening-hours-page';
import { hostOf, query, queryAll } from '../../../testing/dom';
import { itemAt } from '@sg/domain';
import { openingHoursInputSchema } from '@sg/contracts/schemas';

describe('OpeningHoursPage', () => {
  let http: HttpTestingController;

  beforeEach(async () => {
    await TestBed.configureTestingModule({
      imports: [OpeningHoursPage],
      providers: [provideHttpClient(), provideHttpClientTesting(), OrganisationHoursApi, Clock, speakInTests()],
    }).compileComponents();
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function render(hours: OrganisationHours = { ...DEFAULT_OPENING_HOURS, updatedAt: null }) {
    const fixture = TestBed.createComponent(OpeningHoursPage);
    await fixture.whenStable();
    http.expectOne('/api/organisation/hours').flush(hours);
    await fixture.whenStable();
    return { fixture, root: hostOf(fixture) };
  }

  function type(input: HTMLInputElement | undefined, value: string): void {
    if (!input) throw new Error('no such input');
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  const buttonNamed = (root: HTMLElement, name: string) =>
    found(
      [...root.querySelectorAll('button')].find((button) => (button.getAttribute('aria-label') ?? button.textContent?.trim()) === name),
      `the button "${name}"`,
    );

  it('shows a row per weekday with labelled time inputs, closed days and a preview sentence', async () => {
    const { root } = await render();
    expect([...root.querySelectorAll('h3')].map((h) => h.textContent)).toEqual(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']);
    expect(root.querySelectorAll('input[type="time"]').length).toBe(10);
    for (const input of Array.from(root.querySelectorAll('input, select'))) {
      const id = input.getAttribute('id');
      const label = root.querySelector(`label[for="${id}"]`);
      expect(label?.textContent?.trim() || input.getAttribute('aria-label')).toBeTruthy();
    }
    expect(root.textContent).toContain('Closes on Monday, slot 1');
    expect(root.querySelector('.preview')?.textContent).toMatch(/^Now: (open \(closes .+\)|closed, opens .+)$/);
    expect(root.textContent).toContain('These are the defaults');
  });

  it('sends the week as a flat list, and puts the server problems on their fields', async () => {
    const { fixture, root } = await render();
    buttonNamed(root, 'Add a slot on Saturday').click();
    await fixture.whenStable();
    buttonNamed(root, 'Add a holiday').click();
    await fixture.whenStable();
    const holidayInputs = root.querySelectorAll<HTMLInputElement>('.holiday input');
    type(holidayInputs[0], '2026-12-25');
    type(holidayInputs[1], 'Christmas Day');
    await fixture.whenStable();

    query(root, 'button[type="submit"]', HTMLButtonElement).click();
    const request = http.expectOne('/api/organisation/hours');
    expect(request.request.method).toBe('PUT');
    // What the page sends is what the API's contract takes.
    const body: unknown = request.request.body;
    const sent = openingHoursInputSchema.parse(body);
    expect(body).toEqual(sent);
    expect(sent.weekly).toHaveLength(6);
    expect(sent.weekly[5]).toEqual({ day: 6, opens: '09:00', closes: '17:00' });
    expect(sent.holidays).toEqual([{ date: '2026-12-25', name: 'Christmas Day' }]);
    request.flush(
      {
        statusCode: 400,
        error: 'Bad Request',
        message: 'weekly[5].closes must be later',
        errors: [{ path: 'weekly[5].closes', message: 'must be later than the opening time' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    const saturday = itemAt(queryAll(root, '.day', HTMLElement), 5, '.day');
    expect(saturday.textContent).toContain('Closing must be later than the opening time');
    expect(root.querySelector('.problems')?.textContent).toContain('One field needs a look.');
  });

  it('refuses overlapping slots before sending, on the field, in the domain words', async () => {
    const { fixture, root } = await render();
    buttonNamed(root, 'Add a slot on Monday').click();
    await fixture.whenStable();
    const monday = itemAt(queryAll(root, '.day', HTMLElement), 0, '.day');
    type(monday.querySelectorAll<HTMLInputElement>('input[type="time"]')[2], '12:00');
    await fixture.whenStable();
    query(root, 'button[type="submit"]', HTMLButtonElement).click();
    await fixture.whenStable();
    http.expectNone('/api/organisation/hours');
    expect(monday.textContent).toContain('Opening overlaps another slot on the same day');
  });
});
