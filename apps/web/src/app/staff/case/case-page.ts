import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { CaseView } from './case-view';
import { TranslatePipe } from '../../system/i18n/translate.pipe';

/** `/staff/cases/:id`: a case on its own page (narrow screens, links, new tabs). */
@Component({
  selector: 'sg-case-page',
  imports: [CaseView, RouterLink, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nav class="crumbs" [attr.aria-label]="'staff.case.page.breadcrumb' | t">
      <a routerLink="/staff/queues/mine">{{ 'staff.case.page.mine' | t }}</a> ·
      <a routerLink="/staff/queues/unassigned">{{ 'staff.case.page.unassigned' | t }}</a>
    </nav>
    <sg-case-view [caseId]="id()" [level]="1" />
  `,
  styles: `
    :host {
      display: block;
      max-width: 1200px;
    }
    .crumbs {
      padding: 8px 16px 0;
      font: var(--mat-sys-body-small);
    }
    .crumbs a {
      color: var(--mat-sys-primary);
    }
  `,
})
export class CasePage {
  readonly id = input.required<string>();
}
