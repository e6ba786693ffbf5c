import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { HealthResponse } from '@sg/contracts';
import type { StaffLanguage } from '@sg/domain';
import { I18n } from '../i18n/i18n';
import { StatusPage } from './status-page';
import { hostOf } from '../../../testing/dom';

const healthy = {
  status: 'ok',
  details: {
    database: { status: 'up' },
    queue: { status: 'up', backend: 'postgres' },
    workers: { status: 'up', count: 2, lastHeartbeatAt: null },
    followUps: { status: 'up', attention: false },
  },
} as HealthResponse;

/** The status page loads the dashboard's words itself (it sits outside /staff) and speaks the app's staff language. */
describe('StatusPage', () => {
  async function render(language: StaffLanguage, health: HealthResponse = healthy): Promise<HTMLElement> {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    // The app already speaks `language` (as after a person's /ms page); no staff words are loaded yet.
    TestBed.inject(I18n).useLoaded(language, 'none', {});
    const fixture = TestBed.createComponent(StatusPage);
    const http = TestBed.inject(HttpTestingController);
    const root = hostOf(fixture);
    const tick = async () => {
      await new Promise((resolve) => setTimeout(resolve, 10));
      fixture.detectChanges();
    };
    // The first check leaves on a timer, and the words arrive as a lazily loaded chunk.
    for (let tries = 0; tries < 50 && !http.match('/api/health').map((request) => request.flush(health)).length; tries++) await tick();
    for (let tries = 0; tries < 50 && !root.querySelector('dd'); tries++) await tick();
    fixture.destroy();
    return root;
  }

  it('says in English that everything works', async () => {
    const root = await render('en');
    expect(root.querySelector('h1')?.textContent).toBe('System status');
    expect(root.querySelector('[role="status"]')?.textContent?.trim()).toBe('Everything is working.');
    expect(root.querySelector('dd')?.textContent).toBe('up');
  });

  it('says it in Malay when the app speaks Malay', async () => {
    const root = await render('ms');
    expect(root.querySelector('h1')?.textContent).toBe('Status sistem');
    expect(root.querySelector('[role="status"]')?.textContent?.trim()).toBe('Semuanya berfungsi.');
    expect(root.querySelector('dd')?.textContent).toBe('berfungsi');
  });

  const alerts = (root: HTMLElement) => Array.from(root.querySelectorAll('[role="alert"]')).map((alert) => alert.textContent?.trim());

  it('warns when the workers or the follow-ups need attention, while the API itself answers ok', async () => {
    const attention = {
      ...healthy,
      details: { ...healthy.details, workers: { ...healthy.details.workers, attention: true }, followUps: { status: 'up', attention: true } },
    } as HealthResponse;
    const root = await render('en', attention);
    expect(root.querySelector('[role="status"]')?.textContent?.trim()).toBe('Everything is working.');
    expect(alerts(root)).toEqual([
      'Workers need attention: no heartbeat lately, or the follow-up sweep is not scheduled. Follow-ups may not fire.',
      'Follow-ups need attention: some are overdue or failed for good.',
    ]);
  });

  it('shows no warning when nothing needs attention', async () => {
    expect(alerts(await render('en'))).toEqual([]);
  });
});
