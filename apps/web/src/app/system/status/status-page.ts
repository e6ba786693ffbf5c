import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { toSignal } from '@angular/core/rxjs-interop';
import { API_PREFIX, API_ROUTES, HealthResponse } from '@sg/contracts';
import { catchError, map, of, startWith, switchMap, timer } from 'rxjs';

type StatusView = { state: 'loading' } | { state: 'loaded'; health: HealthResponse } | { state: 'unreachable' };

/** Shows what `GET /api/health` says, refreshed every 10 s: useful to whoever runs the service. */
@Component({
  selector: 'sg-status-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <main class="page">
      <h1>System status</h1>
      @switch (view().state) {
        @case ('loading') { <p>Checking...</p> }
        @case ('unreachable') { <p class="down" role="alert">The API is not reachable.</p> }
        @case ('loaded') {
          @if (health(); as health) {
            <p [class]="health.status === 'ok' ? 'up' : 'down'" role="status">
              {{ health.status === 'ok' ? 'Everything is working.' : 'Something is down.' }}
            </p>
            <dl>
              <dt>Database</dt><dd>{{ health.details.database.status }}</dd>
              <dt>Queue backend ({{ health.details.queue.backend }})</dt><dd>{{ health.details.queue.status }}</dd>
              <dt>Workers connected</dt><dd>{{ health.details.workers.count ?? 'unknown' }}</dd>
              <dt>Last heartbeat</dt><dd>{{ health.details.workers.lastHeartbeatAt ?? 'never' }}</dd>
            </dl>
          }
        }
      }
    </main>
  `,
  styles: `
    .page { max-width: 40rem; margin: 0 auto; padding: 1.5rem 1rem; }
    dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.5rem 1.5rem; }
    dt { font-weight: 600; }
    .up { color: #1b5e20; }
    .down { color: #b71c1c; font-weight: 600; }
  `,
})
export class StatusPage {
  private readonly http = inject(HttpClient);

  protected readonly view = toSignal(
    timer(0, 10_000).pipe(
      switchMap(() =>
        this.http.get<HealthResponse>(`/${API_PREFIX}/${API_ROUTES.health}`).pipe(
          // A 503 still carries the health body: show which part is down.
          catchError((error: HttpErrorResponse) => of(error.status === 503 ? (error.error as HealthResponse) : null)),
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
