import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { App } from './app';
import { appRoutes } from './app.routes';
import { hostOf } from '../testing/dom';

describe('App', () => {
  beforeEach(async () => {
    await TestBed.configureTestingModule({
      imports: [App],
      providers: [provideRouter(appRoutes), provideHttpClient(), provideHttpClientTesting()],
    }).compileComponents();
  });

  it('opens on the public front door with the two most urgent steps', async () => {
    const fixture = TestBed.createComponent(App);
    await TestBed.inject(Router).navigateByUrl('/');
    await fixture.whenStable();
    const text = hostOf(fixture).textContent ?? '';
    expect(text).toContain('Do not pay');
    expect(text).toContain('Do not delete');
  });
});
