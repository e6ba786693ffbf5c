import type { ComponentFixture } from '@angular/core/testing';

/** A DOM class to check an element against (`HTMLButtonElement`, `HTMLInputElement`, ...). */
export type ElementType<T extends Element> = abstract new () => T;

/**
 * For component specs, instead of `as HTMLButtonElement` on what a query found: the element, checked
 * to be there and of that kind, or an error naming what was missing. A test that reaches for an
 * element the template no longer has fails at the line that reached for it.
 */
export function elementOf<T extends Element>(value: unknown, type: ElementType<T>, what: string): T {
  return instanceOf(value, type, what);
}

/** `value`, checked to be a `type` (an element, an error class), or an error naming what it was. */
export function instanceOf<T>(value: unknown, type: abstract new (...args: never[]) => T, what: string): T {
  if (value instanceof type) return value;
  throw new Error(`Expected ${what} to be a ${type.name}, found ${value === null || value === undefined ? 'none' : Object.prototype.toString.call(value)}`);
}

/** The fixture's host element (Angular types `nativeElement` as `any`). */
export function hostOf(fixture: ComponentFixture<unknown>): HTMLElement {
  return elementOf(fixture.nativeElement, HTMLElement, 'the component host element');
}

/** The first element under `root` that `selector` matches, checked to be a `type`. */
export function query<T extends Element>(root: ParentNode, selector: string, type: ElementType<T>): T {
  return elementOf(root.querySelector(selector), type, `"${selector}"`);
}

/** Every element under `root` that `selector` matches, each checked to be a `type`. */
export function queryAll<T extends Element>(root: ParentNode, selector: string, type: ElementType<T>): T[] {
  return Array.from(root.querySelectorAll(selector), (element, index) => elementOf(element, type, `"${selector}" #${index}`));
}
