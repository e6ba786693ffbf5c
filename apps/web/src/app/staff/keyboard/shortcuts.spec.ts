import { translatorFor } from '@sg/i18n/server';
import { KeyPress, SHORTCUT_HELP, isTypingTarget, shortcutFor } from './shortcuts';
import { itemAt } from '@sg/domain';
import { query } from '../../../testing/dom';

function press(key: string, target: EventTarget | null = document.body, extra: Partial<KeyPress> = {}): KeyPress {
  return { key, target, ctrlKey: false, metaKey: false, altKey: false, ...extra };
}

function element(html: string): HTMLElement {
  const host = document.createElement('div');
  host.innerHTML = html;
  document.body.appendChild(host);
  return query(host, '[data-target]', HTMLElement);
}

describe('shortcutFor', () => {
  afterEach(() => (document.body.innerHTML = ''));

  it.each([
    ['j', 'next'],
    ['k', 'previous'],
    ['c', 'claim'],
    ['/', 'search'],
    ['?', 'help'],
    ['Enter', 'open'],
  ])('maps %s to %s on the page', (key, command) => {
    expect(shortcutFor(press(key))).toBe(command);
  });

  it('leaves other keys alone', () => {
    expect(shortcutFor(press('x'))).toBeNull();
    expect(shortcutFor(press('J'))).toBeNull();
  });

  it('never fires while someone types in a field', () => {
    for (const html of [
      '<input data-target type="text">',
      '<input data-target type="search">',
      '<input data-target>',
      '<textarea data-target></textarea>',
      '<select data-target></select>',
      '<div data-target contenteditable="true"></div>',
      '<div role="combobox"><span data-target></span></div>',
    ]) {
      const target = element(html);
      expect({ html, command: shortcutFor(press('j', target)) }).toEqual({ html, command: null });
      expect(shortcutFor(press('/', target))).toBeNull();
    }
  });

  it('works from a checkbox (not a text field)', () => {
    expect(shortcutFor(press('j', element('<input data-target type="checkbox">')))).toBe('next');
  });

  it('does not fire inside dialogs and menus', () => {
    expect(shortcutFor(press('c', element('<div role="dialog"><button data-target>OK</button></div>')))).toBeNull();
    expect(shortcutFor(press('j', element('<div role="menu"><button data-target>Move</button></div>')))).toBeNull();
  });

  it('lets links and buttons handle Enter themselves, but still moves on j/k from a row link', () => {
    const link = element('<a data-target href="/staff/cases/1">SG-1</a>');
    expect(shortcutFor(press('Enter', link))).toBeNull();
    expect(shortcutFor(press('j', link))).toBe('next');
    expect(shortcutFor(press('c', link))).toBe('claim');
    expect(shortcutFor(press('Enter', element('<button data-target>Claim</button>')))).toBeNull();
  });

  it('ignores keys with Ctrl, Cmd or Alt (browser and system shortcuts)', () => {
    expect(shortcutFor(press('c', document.body, { ctrlKey: true }))).toBeNull();
    expect(shortcutFor(press('k', document.body, { metaKey: true }))).toBeNull();
    expect(shortcutFor(press('j', document.body, { altKey: true }))).toBeNull();
  });

  it('ignores keys already handled or still being composed (IME)', () => {
    expect(shortcutFor(press('j', document.body, { defaultPrevented: true }))).toBeNull();
    expect(shortcutFor(press('j', document.body, { isComposing: true }))).toBeNull();
  });
});

describe('isTypingTarget', () => {
  it('is false for nothing at all', () => {
    expect(isTypingTarget(null)).toBe(false);
  });
});

describe('SHORTCUT_HELP', () => {
  it('says what each key does with a catalogue key that English and Malay both have', () => {
    for (const language of ['en', 'ms'] as const) {
      const translator = translatorFor(language);
      for (const shortcut of SHORTCUT_HELP) expect(translator.t(shortcut.does)).not.toBe(shortcut.does);
    }
    expect(translatorFor('en').t(itemAt(SHORTCUT_HELP, 0, 'shortcut').does)).toBe('Next case in the list');
  });
});
