import { DestroyRef, ElementRef, Signal, afterNextRender, inject, signal } from '@angular/core';

/**
 * The host element's width in CSS pixels, kept up to date. Charts draw in real pixels (not a
 * scaled viewBox) so their text stays the page's size at 1280 px and on a narrow screen alike.
 * Call from a component's constructor.
 */
export function hostWidth(fallback: number): Signal<number> {
  const width = signal(fallback);
  const host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  const destroyRef = inject(DestroyRef);
  afterNextRender(() => {
    const measure = () => {
      const next = Math.floor(host.clientWidth);
      if (next > 0) width.set(next);
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(host);
    destroyRef.onDestroy(() => observer.disconnect());
  });
  return width.asReadonly();
}

let nextId = 0;
/** An id unique in the page, for aria-labelledby between an SVG and its title. */
export function uniqueId(prefix: string): string {
  nextId += 1;
  return `${prefix}-${nextId}`;
}
