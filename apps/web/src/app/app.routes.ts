import { Route } from '@angular/router';
import { speaks, speaksTabOrBrowserLanguage } from './public/language/person-language';
import { PUBLIC_ROUTES } from './public/public.routes';

const publicLayout = () => import('./public/layout/public-layout').then((m) => m.PublicLayout);

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
  // its language.
  { path: 'ms', loadComponent: publicLayout, canActivate: [speaks('ms')], children: PUBLIC_ROUTES },
  { path: 'es', loadComponent: publicLayout, canActivate: [speaks('es')], children: PUBLIC_ROUTES },
  { path: '', loadComponent: publicLayout, canActivate: [speaksTabOrBrowserLanguage], children: PUBLIC_ROUTES },
  { path: '**', redirectTo: '' },
];
