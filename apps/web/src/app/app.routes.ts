import { Route } from '@angular/router';

export const appRoutes: Route[] = [
  {
    path: '',
    pathMatch: 'full',
    title: 'Get help - Safeguard Triage',
    loadComponent: () => import('./public/home/home-page').then((m) => m.HomePage),
  },
  {
    path: 'status',
    title: 'System status - Safeguard Triage',
    loadComponent: () => import('./system/status/status-page').then((m) => m.StatusPage),
  },
  { path: '**', redirectTo: '' },
];
