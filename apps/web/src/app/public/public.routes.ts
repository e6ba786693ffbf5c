import { Route } from '@angular/router';

/**
 * The pages a person asking for help sees, with no login. Each page is its own lazily loaded
 * chunk (and so is the frame around them), so none of the staff code comes with them.
 */
export const PUBLIC_ROUTES: Route[] = [
  {
    path: '',
    pathMatch: 'full',
    title: 'Get help - Safeguard',
    loadComponent: () => import('./home/home-page').then((m) => m.HomePage),
  },
  {
    path: 'help',
    pathMatch: 'full',
    title: 'Ask for help - Safeguard',
    loadComponent: () => import('./intake/intake-page').then((m) => m.IntakePage),
  },
  {
    path: 'help/sent',
    title: 'Your reference and plan - Safeguard',
    loadComponent: () => import('./result/result-page').then((m) => m.ResultPage),
  },
  {
    path: 'my-case',
    title: 'Come back to your case - Safeguard',
    loadComponent: () => import('./my-case/my-case-page').then((m) => m.MyCasePage),
  },
];
