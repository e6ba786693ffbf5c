/** How close together two Escape presses must be to count as "get me out". */
export const DOUBLE_ESCAPE_WINDOW_MS = 1000;

/**
 * Recognises Escape pressed twice in quick succession. One press alone does nothing, so Escape
 * can still close a date picker or a select without leaving the site.
 */
export class DoubleEscape {
  private lastPressAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly windowMs = DOUBLE_ESCAPE_WINDOW_MS) {}

  /** Call on every Escape press; true when this press completes a double press. */
  press(now: number): boolean {
    if (now - this.lastPressAt <= this.windowMs) {
      this.lastPressAt = Number.NEGATIVE_INFINITY;
      return true;
    }
    this.lastPressAt = now;
    return false;
  }
}
