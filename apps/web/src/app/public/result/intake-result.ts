import { Injectable, computed, inject, signal } from '@angular/core';
import type { IntakeResponse } from '@sg/contracts';
import { PublicSessionStore } from '../session/public-session-store';

/** What the result page may show again after a reload: everything but the access code. */
export type KeptIntakeResult = Omit<IntakeResponse, 'accessCode' | 'caseId'>;

const KEPT_KEY = 'result';

/**
 * The answer to a submitted intake. The full answer (with the access code) is held in memory
 * only: the code is shown once and never written to storage. The rest (plan, contacts, reference)
 * is kept for the tab, so a reload still shows the plan and who to call; quick exit wipes it.
 */
@Injectable({ providedIn: 'root' })
export class IntakeResult {
  private readonly store = inject(PublicSessionStore);
  private readonly latest = signal<IntakeResponse | null>(null);
  private readonly kept = signal<KeptIntakeResult | null>(this.store.read<KeptIntakeResult>(KEPT_KEY));

  /** The answer with its access code, right after sending; null after a reload. */
  readonly response = this.latest.asReadonly();
  /** The answer without its code: right after sending, and after a reload in the same tab. */
  readonly shown = computed<KeptIntakeResult | null>(() => this.latest() ?? this.kept());

  set(response: IntakeResponse): void {
    this.latest.set(response);
    this.keep(response);
  }

  update(change: (response: IntakeResponse) => IntakeResponse): void {
    this.latest.update((response) => (response ? change(response) : response));
    const latest = this.latest();
    if (latest) this.keep(latest);
  }

  clear(): void {
    this.latest.set(null);
    this.kept.set(null);
    this.store.remove(KEPT_KEY);
  }

  private keep(response: IntakeResponse): void {
    // Named field by field, so the code (or a staff-only case id) can never slip into storage.
    const kept: KeptIntakeResult = {
      reference: response.reference,
      actionPlan: response.actionPlan,
      resources: response.resources,
      firstResponseWithin: response.firstResponseWithin,
      contact: response.contact,
      country: response.country,
    };
    this.kept.set(kept);
    this.store.write(KEPT_KEY, kept);
  }
}
