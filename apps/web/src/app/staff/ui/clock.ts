import { DestroyRef, Injectable, inject, signal } from '@angular/core';

/** One ticking clock for every countdown on screen (a timer per row would be wasteful). */
@Injectable()
export class Clock {
  private readonly time = signal(Date.now());
  readonly now = this.time.asReadonly();

  constructor() {
    const timer = setInterval(() => this.time.set(Date.now()), 15_000);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
  }
}
