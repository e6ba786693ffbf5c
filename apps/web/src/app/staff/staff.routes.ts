import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import { MAT_FORM_FIELD_DEFAULT_OPTIONS, MatFormFieldDefaultOptions } from '@angular/material/form-field';
import { Route } from '@angular/router';
import { authInterceptor } from './auth/auth-interceptor';
import { roleGuard, secondFactorGuard, signedInGuard, signedOutGuard } from './auth/auth-guards';
import { AuthSession } from './auth/auth-session';
import { CasesApi } from './data-access/cases-api';
import { ConversationApi } from './data-access/conversation-api';
import { SavedRepliesApi } from './data-access/saved-replies-api';
import { StaffApi } from './data-access/staff-api';
import { SupervisionApi } from './data-access/supervision-api';
import { StaffIntakeApi } from './data-access/staff-intake-api';
import { DownloadsApi } from './data-access/downloads-api';
import { StaffAccountsApi } from './data-access/staff-accounts-api';
import { SecondFactorApi } from './data-access/second-factor-api';
import { ResourceDirectoryApi } from './data-access/resource-directory-api';
import { OrganisationHoursApi } from './data-access/organisation-hours-api';
import { RetentionApi } from './data-access/retention-api';
import { CaseLinksApi } from './data-access/case-links-api';
import { ClaimCase } from './case/claim-case';
import { CaseEvents } from './live/case-events';
import { LiveUpdates } from './live/live-updates';
import { QueueCountsStore } from './queues/queue-counts-store';
import { Clock } from './ui/clock';
import { Preferences } from './shell/preferences';
import { ShortcutBus } from './keyboard/shortcut-bus';

const formFieldDefaults: MatFormFieldDefaultOptions = { appearance: 'outline', subscriptSizing: 'dynamic' };

/**
 * The dashboard. Route titles are catalogue keys (TranslatedTitleStrategy says them in the
 * signed-in person's language). Its services, its HttpClient (with the auth interceptor) and its theme live in
 * this lazily loaded route, so none of it reaches the public pages.
 */
export const STAFF_ROUTES: Route[] = [
  {
    path: '',
    loadComponent: () => import('./staff-frame').then((m) => m.StaffFrame),
    providers: [
      provideHttpClient(withFetch(), withInterceptors([authInterceptor])),
      { provide: MAT_FORM_FIELD_DEFAULT_OPTIONS, useValue: formFieldDefaults },
      AuthSession,
      CasesApi,
      ConversationApi,
      RetentionApi,
      CaseLinksApi,
      SavedRepliesApi,
      StaffApi,
      SupervisionApi,
      StaffIntakeApi,
      DownloadsApi,
      ClaimCase,
      CaseEvents,
      LiveUpdates,
      QueueCountsStore,
      Clock,
      Preferences,
      ShortcutBus,
      SecondFactorApi,
    ],
    children: [
      {
        path: 'sign-in',
        title: 'staff.titles.sign_in',
        canActivate: [signedOutGuard],
        loadComponent: () => import('./auth/sign-in-page').then((m) => m.SignInPage),
      },
      {
        // Outside the shell: a member kept to enrolment reaches this page and nothing else.
        path: 'security',
        title: 'staff.titles.security',
        canActivate: [signedInGuard],
        loadComponent: () => import('./security/security-page').then((m) => m.SecurityPage),
      },
      {
        path: '',
        canActivate: [signedInGuard, secondFactorGuard],
        loadComponent: () => import('./shell/staff-shell').then((m) => m.StaffShell),
        children: [
          { path: '', pathMatch: 'full', redirectTo: 'queues/unassigned' },
          {
            path: 'queues/:queue',
            title: 'staff.titles.queues',
            loadComponent: () => import('./queues/queue-page').then((m) => m.QueuePage),
          },
          {
            path: 'cases/:id',
            title: 'staff.titles.case',
            loadComponent: () => import('./case/case-page').then((m) => m.CasePage),
          },
          {
            path: 'supervision',
            title: 'staff.titles.supervision',
            canActivate: [roleGuard('supervisor', 'admin')],
            loadComponent: () => import('./supervision/queue-health-page').then((m) => m.QueueHealthPage),
          },
          {
            path: 'trends',
            title: 'staff.titles.trends',
            canActivate: [roleGuard('supervisor', 'admin')],
            loadChildren: () => import('./trends/trends.routes').then((m) => m.TRENDS_ROUTES),
          },
          {
            path: 'clusters',
            title: 'staff.titles.clusters',
            canActivate: [roleGuard('supervisor', 'admin')],
            loadComponent: () => import('./clusters/clusters-page').then((m) => m.ClustersPage),
          },
          {
            path: 'intake',
            title: 'staff.titles.intake',
            loadComponent: () => import('./intake/staff-intake-page').then((m) => m.StaffIntakePage),
          },
          {
            path: 'admin',
            canActivate: [roleGuard('admin')],
            providers: [StaffAccountsApi, ResourceDirectoryApi, OrganisationHoursApi],
            children: [
              { path: '', pathMatch: 'full', redirectTo: 'accounts' },
              {
                path: 'accounts',
                title: 'staff.titles.accounts',
                loadComponent: () => import('./admin/accounts-page').then((m) => m.AccountsPage),
              },
              {
                path: 'resources',
                title: 'staff.titles.resources',
                loadComponent: () => import('./admin/resources-page').then((m) => m.ResourcesPage),
              },
              {
                path: 'opening-hours',
                title: 'staff.titles.opening_hours',
                loadComponent: () => import('./admin/opening-hours-page').then((m) => m.OpeningHoursPage),
              },
              {
                path: 'retention',
                title: 'staff.retention.settings.pageTitle',
                loadComponent: () => import('./admin/retention-page').then((m) => m.RetentionPage),
              },
              {
                path: 'saved-replies',
                title: 'staff.titles.saved_replies',
                loadComponent: () => import('./admin/saved-replies-page').then((m) => m.SavedRepliesPage),
              },
            ],
          },
          { path: '**', redirectTo: 'queues/unassigned' },
        ],
      },
    ],
  },
];
