import { Component } from '@angular/core';
import { RouterOutlet } from '@angular/router';

/** The shell: every page is a lazily loaded route, so the public pages carry no dashboard code. */
@Component({
  selector: 'sg-root',
  imports: [RouterOutlet],
  template: `<router-outlet />`,
})
export class App {}
