import { Route } from '@angular/router';
import { TrendsApi } from './data-access/trends-api';

/** The Trends page and its data service, loaded only when a supervisor opens it. */
export const TRENDS_ROUTES: Route[] = [
  {
    path: '',
    providers: [TrendsApi],
    loadComponent: () => import('./trends-page').then((m) => m.TrendsPage),
  },
];
