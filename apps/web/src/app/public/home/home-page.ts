import { ChangeDetectionStrategy, Component } from '@angular/core';

/** Placeholder front door until the public intake lands. */
@Component({
  selector: 'sg-home-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <main class="page">
      <h1>Someone is threatening to share your pictures?</h1>
      <p class="lead">This is not your fault, and you are not in trouble. We can help.</p>
      <ul class="steps">
        <li><strong>Do not pay</strong> and do not send anything more.</li>
        <li><strong>Do not delete</strong> your messages or account. They are evidence.</li>
      </ul>
    </main>
  `,
  styles: `
    .page { max-width: 40rem; margin: 0 auto; padding: 1.5rem 1rem; }
    h1 { font-size: 1.6rem; line-height: 1.25; }
    .lead { font-size: 1.15rem; }
    .steps { padding-left: 1.25rem; font-size: 1.1rem; line-height: 1.6; }
  `,
})
export class HomePage {}
