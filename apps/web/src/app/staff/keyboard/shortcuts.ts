/** What the dashboard's single-key shortcuts do. */
export type ShortcutCommand = 'next' | 'previous' | 'open' | 'claim' | 'search' | 'help';

export interface ShortcutHelp {
  keys: string;
  /** A catalogue key (say it with `| t`): the keys stay as typed, what they do is translated. */
  does: string;
}

export const SHORTCUT_HELP: readonly ShortcutHelp[] = [
  { keys: 'j', does: 'staff.shell.shortcuts.next' },
  { keys: 'k', does: 'staff.shell.shortcuts.previous' },
  { keys: 'Enter', does: 'staff.shell.shortcuts.open' },
  { keys: 'c', does: 'staff.shell.shortcuts.claim' },
  { keys: '/', does: 'staff.shell.shortcuts.search' },
  { keys: '?', does: 'staff.shell.shortcuts.help' },
];

/** The parts of a KeyboardEvent the decision needs (so it can be tested without a browser). */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  isComposing?: boolean;
  defaultPrevented?: boolean;
  target: EventTarget | null;
}

const TEXT_INPUT_TYPES = new Set(['text', 'search', 'email', 'url', 'tel', 'password', 'number', 'date', 'datetime-local', 'time', 'month', 'week']);

/** True when keys typed here are text (or belong to a widget), so they must not trigger shortcuts. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!isElement(target)) return false;
  const element = target;
  if (element.isContentEditable) return true;
  const tag = element.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') return TEXT_INPUT_TYPES.has(((element instanceof HTMLInputElement ? element.type : '') || 'text').toLowerCase());
  // Material selects, menus, dialogs and listboxes handle their own keys.
  return (
    element.closest('[contenteditable="true"], [role="textbox"], [role="combobox"], [role="listbox"], [role="menu"], [role="dialog"], [role="alertdialog"]') !==
    null
  );
}

/** Links and buttons already act on Enter; the shortcut must not act a second time. */
function handlesEnterItself(target: EventTarget | null): boolean {
  if (!isElement(target)) return false;
  return target.closest('a[href], button, input, [role="button"], [role="tab"], [role="link"]') !== null;
}

/** Which shortcut a key press means, or null to let the browser handle it. */
export function shortcutFor(press: KeyPress): ShortcutCommand | null {
  if (press.defaultPrevented || press.isComposing) return null;
  if (press.ctrlKey || press.metaKey || press.altKey) return null;
  if (isTypingTarget(press.target)) return null;
  switch (press.key) {
    case 'j':
      return 'next';
    case 'k':
      return 'previous';
    case 'c':
      return 'claim';
    case '/':
      return 'search';
    case '?':
      return 'help';
    case 'Enter':
      return handlesEnterItself(press.target) ? null : 'open';
    default:
      return null;
  }
}

/** An element (it can look up its ancestors), not the document or the window a key event may also come from. */
function isElement(target: EventTarget | null): target is HTMLElement {
  return target !== null && typeof Reflect.get(target, 'closest') === 'function';
}
