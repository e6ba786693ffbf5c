import { Route } from '@angular/router';

/**
 * The pages a person asking for help sees, with no login. Each page is its own lazily loaded
 * chunk (and so is the frame around them), so none of the staff code comes with them.
 */
export const PUBLIC_ROUTES: Route[] = [
  {
    path: '',
    pathMatch: 'full',
    title: 'person.titles.home',
    loadComponent: () => import('./home/home-page').then((m) => m.HomePage),
  },
  {
    path: 'help',
    pathMatch: 'full',
    title: 'person.titles.help',
    loadComponent: () => import('./intake/intake-page').then((m) => m.IntakePage),
  },
  {
    path: 'help/sent',
    title: 'person.titles.sent',
    loadComponent: () => import('./result/result-page').then((m) => m.ResultPage),
  },
  {
    path: 'my-case',
    title: 'person.titles.myCase',
    loadComponent: () => import('./my-case/my-case-page').then((m) => m.MyCasePage),
  },
];
