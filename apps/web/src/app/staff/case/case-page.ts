import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { CaseView } from './case-view';

/** `/staff/cases/:id`: a case on its own page (narrow screens, links, new tabs). */
@Component({
  selector: 'sg-case-page',
  imports: [CaseView, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nav class="crumbs" aria-label="Breadcrumb"><a routerLink="/staff/queues/mine">My cases</a> · <a routerLink="/staff/queues/unassigned">Unassigned</a></nav>
    <sg-case-view [caseId]="id()" [level]="1" />
  `,
  styles: `
    :host { display: block; max-width: 1200px; }
    .crumbs { padding: 8px 16px 0; font: var(--mat-sys-body-small); }
    .crumbs a { color: var(--mat-sys-primary); }
  `,
})
export class CasePage {
  readonly id = input.required<string>();
}
