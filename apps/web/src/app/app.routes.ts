import { Route } from '@angular/router';
import { speaks, speaksTabOrBrowserLanguage } from './public/language/person-language';
import { PublicLayout } from './public/layout/public-layout';
import { PUBLIC_ROUTES } from './public/public.routes';

export const appRoutes: Route[] = [
  {
    path: 'status',
    // A catalogue key: the status page loads the dashboard's words itself (see StatusPage).
    title: 'staff.titles.status',
    loadComponent: () => import('./system/status/status-page').then((m) => m.StatusPage),
  },
  {
    // The staff dashboard: its own lazily loaded routes, services, HttpClient and Material theme.
    path: 'staff',
    loadChildren: () => import('./staff/staff.routes').then((m) => m.STAFF_ROUTES),
  },
  // The public pages: no login, their own frame with quick exit, nothing of the staff app. The
  // same pages in each language, under its prefix (English has none), so a shared link keeps
  // its language. The frame and the front door are in the first bundle, not lazy: a phone on a
  // slow network then fetches them with the app itself instead of one round trip after another.
  { path: 'ms', component: PublicLayout, canActivate: [speaks('ms')], children: PUBLIC_ROUTES },
  { path: 'es', component: PublicLayout, canActivate: [speaks('es')], children: PUBLIC_ROUTES },
  { path: '', component: PublicLayout, canActivate: [speaksTabOrBrowserLanguage], children: PUBLIC_ROUTES },
  { path: '**', redirectTo: '' },
];
