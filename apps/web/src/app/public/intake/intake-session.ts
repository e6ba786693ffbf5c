import { Injectable, inject } from '@angular/core';
import { PublicSessionStore } from '../session/public-session-store';
import { IntakeAnswers } from './intake-answers';

export interface SavedIntake {
  step: number;
  answers: IntakeAnswers;
}

const ANSWERS_KEY = 'intake';
const IDEMPOTENCY_KEY = 'intake-key';

function randomKey(): string {
  const cryptoApi = globalThis.crypto;
  if (typeof cryptoApi?.randomUUID === 'function') return cryptoApi.randomUUID();
  // randomUUID only exists on https (or localhost); getRandomValues works everywhere.
  const bytes = cryptoApi.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * The half-filled form for this tab. Survives a reload, is wiped by quick exit and after a
 * successful submit. The idempotency key lives here too, so a retry after a lost answer
 * (the phone went offline) reuses it and cannot create a second case.
 */
@Injectable({ providedIn: 'root' })
export class IntakeSession {
  private readonly store = inject(PublicSessionStore);

  load(): SavedIntake | null {
    const saved = this.store.read<SavedIntake>(ANSWERS_KEY);
    return saved && typeof saved === 'object' && saved.answers ? saved : null;
  }

  save(saved: SavedIntake): void {
    this.store.write(ANSWERS_KEY, saved);
  }

  /** The key for this form session: made on the first send, reused on every retry. */
  idempotencyKey(): string {
    const existing = this.store.read<string>(IDEMPOTENCY_KEY);
    if (existing) return existing;
    const key = randomKey();
    this.store.write(IDEMPOTENCY_KEY, key);
    return key;
  }

  /** After the server refused the key (answers changed after a lost reply), start afresh. */
  newIdempotencyKey(): void {
    this.store.remove(IDEMPOTENCY_KEY);
  }

  clear(): void {
    this.store.remove(ANSWERS_KEY);
    this.store.remove(IDEMPOTENCY_KEY);
  }
}
