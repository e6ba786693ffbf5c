import { Component, PLATFORM_ID } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { InertUntilReady } from './inert-until-ready';
import { hostOf } from '../../../testing/dom';

@Component({ selector: 'sg-host', hostDirectives: [InertUntilReady], template: '<input aria-label="code" />' })
class Host {}

/** Angular skips render hooks when it renders on the server (its global `ngServerMode`), as the build's prerender does. */
async function rendered(platform: 'server' | 'browser'): Promise<HTMLElement> {
  const global = globalThis as { ngServerMode?: boolean };
  TestBed.configureTestingModule({ providers: [{ provide: PLATFORM_ID, useValue: platform }] });
  global.ngServerMode = platform === 'server';
  try {
    const fixture = TestBed.createComponent(Host);
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
    return hostOf(fixture);
  } finally {
    delete global.ngServerMode;
  }
}

describe('InertUntilReady', () => {
  it('is inert as the build prerenders it, so nothing can be ticked or typed before the app takes over', async () => {
    expect((await rendered('server')).hasAttribute('inert')).toBe(true);
  });

  it('is usable once rendered in the browser', async () => {
    expect((await rendered('browser')).hasAttribute('inert')).toBe(false);
  });
});
