import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { toSignal } from '@angular/core/rxjs-interop';
import { API_PREFIX, API_ROUTES, HealthResponse } from '@sg/contracts';
import { STAFF_LANGUAGES, StaffLanguage, isOneOf, isRecord } from '@sg/domain';
import { STAFF_CATALOGUES } from '@sg/i18n/staff';
import { catchError, map, of, startWith, switchMap, timer } from 'rxjs';
import { I18n, loadIcuRuntime } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/translate.pipe';

type StatusView = { state: 'loading' } | { state: 'loaded'; health: HealthResponse } | { state: 'unreachable' };

/** Shows what `GET /api/health` says, refreshed every 10 s: useful to whoever runs the service. */
@Component({
  selector: 'sg-status-page',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <main class="page">
      @if (ready()) {
        <h1>{{ 'staff.status.title' | t }}</h1>
        @switch (view().state) {
          @case ('loading') {
            <p>{{ 'staff.status.checking' | t }}</p>
          }
          @case ('unreachable') {
            <p class="down" role="alert">{{ 'staff.status.unreachable' | t }}</p>
          }
          @case ('loaded') {
            @if (health(); as health) {
              <p [class]="health.status === 'ok' ? 'up' : 'down'" role="status">
                {{ (health.status === 'ok' ? 'staff.status.ok' : 'staff.status.somethingDown') | t }}
              </p>
              <dl>
                <dt>{{ 'staff.status.database' | t }}</dt>
                <dd>{{ 'staff.status.part.' + health.details.database.status | t }}</dd>
                <dt>{{ 'staff.status.queue' | t: { backend: health.details.queue.backend } }}</dt>
                <dd>{{ 'staff.status.part.' + health.details.queue.status | t }}</dd>
                <dt>{{ 'staff.status.workers' | t }}</dt>
                <dd>{{ health.details.workers.count ?? ('staff.status.unknown' | t) }}</dd>
                <dt>{{ 'staff.status.heartbeat' | t }}</dt>
                <dd>{{ health.details.workers.lastHeartbeatAt ?? ('staff.status.never' | t) }}</dd>
              </dl>
              <!-- Warnings that never make the answer a 503: the API works, but follow-ups may not fire. -->
              @if (health.details.workers.attention) {
                <p class="warn" role="alert">{{ 'staff.status.workersAttention' | t }}</p>
              }
              @if (health.details.followUps.attention) {
                <p class="warn" role="alert">{{ 'staff.status.followUpsAttention' | t }}</p>
              }
            }
          }
        }
      }
    </main>
  `,
  styles: `
    .page {
      max-width: 40rem;
      margin: 0 auto;
      padding: 1.5rem 1rem;
    }
    dl {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 0.5rem 1.5rem;
    }
    dt {
      font-weight: 600;
    }
    .up {
      color: #1b5e20;
    }
    .down {
      color: #b71c1c;
      font-weight: 600;
    }
    .warn {
      color: #8a4b00;
      font-weight: 600;
    }
  `,
})
export class StatusPage {
  private readonly http = inject(HttpClient);
  /** The page sits outside the dashboard, so it loads the dashboard's words itself before it shows any. */
  protected readonly ready = signal(false);

  constructor() {
    const i18n = inject(I18n);
    const current = i18n.language();
    // A staff language the app already speaks stays; anything else (a person's Spanish) reads English.
    const language: StaffLanguage = isOneOf(STAFF_LANGUAGES, current) ? current : 'en';
    void Promise.all([i18n.use(language, 'staff', STAFF_CATALOGUES[language]), loadIcuRuntime()]).then(() => this.ready.set(true));
  }

  protected readonly view = toSignal(
    timer(0, 10_000).pipe(
      switchMap(() =>
        this.http.get<HealthResponse>(`/${API_PREFIX}/${API_ROUTES.health}`).pipe(
          // A 503 still carries the health body: show which part is down.
          catchError((error: HttpErrorResponse) => of(error.status === 503 && isHealthResponse(error.error) ? error.error : null)),
        ),
      ),
      map((health): StatusView => (health ? { state: 'loaded', health } : { state: 'unreachable' })),
      startWith<StatusView>({ state: 'loading' }),
    ),
    { requireSync: true },
  );

  protected health(): HealthResponse | null {
    const view = this.view();
    return view.state === 'loaded' ? view.health : null;
  }
}

/** A 503's body names the part that is down; anything else (a proxy's page) is no health answer. */
function isHealthResponse(body: unknown): body is HealthResponse {
  return isRecord(body) && typeof body['status'] === 'string' && isRecord(body['details']);
}
