import { ChangeDetectionStrategy, Component, ViewEncapsulation } from '@angular/core';
import { RouterOutlet } from '@angular/router';

/**
 * Everything under /staff renders inside this frame. It carries the Material theme as an
 * unencapsulated stylesheet, so the theme's CSS (and Material itself) is fetched only when someone
 * opens the dashboard, never by the public pages.
 */
@Component({
  selector: 'sg-staff-frame',
  imports: [RouterOutlet],
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  styleUrls: ['./staff-theme.scss', './staff-base.scss'],
  host: { class: 'sg-staff' },
  template: `<router-outlet />`,
})
export class StaffFrame {}
