import { Route } from '@angular/router';
import { PUBLIC_ROUTES } from './public/public.routes';

export const appRoutes: Route[] = [
  {
    path: 'status',
    title: 'System status - Safeguard Triage',
    loadComponent: () => import('./system/status/status-page').then((m) => m.StatusPage),
  },
  {
    // The staff dashboard: its own lazily loaded routes, services, HttpClient and Material theme.
    path: 'staff',
    loadChildren: () => import('./staff/staff.routes').then((m) => m.STAFF_ROUTES),
  },
  {
    // The public pages: no login, their own frame with quick exit, nothing of the staff app.
    path: '',
    loadComponent: () => import('./public/layout/public-layout').then((m) => m.PublicLayout),
    children: PUBLIC_ROUTES,
  },
  { path: '**', redirectTo: '' },
];
