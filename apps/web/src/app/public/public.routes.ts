import { Route } from '@angular/router';
import { loadIcuRuntime } from '../system/i18n/i18n';
import { HomePage } from './home/home-page';

/**
 * The pages a person asking for help sees, with no login. Each page after the front door is its
 * own lazily loaded chunk, so none of the staff code comes with them. Pages whose
 * words have plurals or choices load the ICU runtime beside their own code; the front door needs
 * none and loads none.
 */
export const PUBLIC_ROUTES: Route[] = [
  {
    path: '',
    pathMatch: 'full',
    title: 'person.titles.home',
    // In the first bundle (see app.routes.ts): the front door is what a person sees first.
    component: HomePage,
  },
  {
    path: 'help',
    pathMatch: 'full',
    title: 'person.titles.help',
    loadComponent: () => Promise.all([import('./intake/intake-page'), loadIcuRuntime()]).then(([m]) => m.IntakePage),
  },
  {
    path: 'help/sent',
    title: 'person.titles.sent',
    loadComponent: () => Promise.all([import('./result/result-page'), loadIcuRuntime()]).then(([m]) => m.ResultPage),
  },
  {
    path: 'my-case',
    title: 'person.titles.myCase',
    loadComponent: () => Promise.all([import('./my-case/my-case-page'), loadIcuRuntime()]).then(([m]) => m.MyCasePage),
  },
];
