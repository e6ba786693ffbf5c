import { Injectable, signal } from '@angular/core';
import type { IntakeResponse } from '@sg/contracts';

/**
 * The answer to a submitted intake, held in memory only: the access code is shown once and is
 * never written to storage. A reload or quick exit forgets it, on purpose.
 */
@Injectable({ providedIn: 'root' })
export class IntakeResult {
  private readonly latest = signal<IntakeResponse | null>(null);

  readonly response = this.latest.asReadonly();

  set(response: IntakeResponse): void {
    this.latest.set(response);
  }

  update(change: (response: IntakeResponse) => IntakeResponse): void {
    this.latest.update((response) => (response ? change(response) : response));
  }

  clear(): void {
    this.latest.set(null);
  }
}
