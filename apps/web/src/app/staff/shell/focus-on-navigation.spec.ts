import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, RouterOutlet, provideRouter } from '@angular/router';
import { focusMainOnNavigation } from './focus-on-navigation';
import { query } from '../../../testing/dom';

@Component({ template: '<h1 tabindex="-1">Unassigned</h1><input aria-label="Filter" />' })
class QueuePage {}

@Component({ template: '<h1 tabindex="-1">Trends</h1>' })
class TrendsPage {}

@Component({ template: '<p>Loading…</p>' })
class LoadingPage {}

@Component({
  imports: [RouterOutlet],
  template: '<a href="#">Trends</a><main id="staff-main" tabindex="-1"><router-outlet /></main>',
})
class Shell {
  constructor() {
    focusMainOnNavigation();
  }
}

describe('focusMainOnNavigation', () => {
  let router: Router;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'queue', component: QueuePage },
          { path: 'trends', component: TrendsPage },
          { path: 'loading', component: LoadingPage },
        ]),
      ],
    });
    router = TestBed.inject(Router);
    const fixture = TestBed.createComponent(Shell);
    await router.navigateByUrl('/queue');
    await fixture.whenStable();
  });

  const go = async (url: string) => {
    await router.navigateByUrl(url);
    TestBed.tick();
  };

  it('leaves focus alone on the first page', () => {
    expect(document.activeElement).toBe(document.body);
  });

  it('moves focus to the heading of the page navigated to', async () => {
    query(document, 'a', HTMLElement).focus();
    await go('/trends');
    expect(document.activeElement?.textContent).toBe('Trends');
  });

  it('focuses the main region when the page has no heading yet', async () => {
    await go('/loading');
    expect(document.activeElement?.id).toBe('staff-main');
  });

  it('leaves focus where it is when only the query changes', async () => {
    const input = query(document, 'input', HTMLInputElement);
    input.focus();
    await go('/queue?priority=emergency');
    expect(document.activeElement).toBe(input);
  });
});
