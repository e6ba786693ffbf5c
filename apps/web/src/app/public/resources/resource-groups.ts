import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatchedResource, RESOURCE_PURPOSES, ResourcePurpose } from '@sg/domain';
import { ContactText } from './contact-text';

const PURPOSE_HEADINGS: Record<ResourcePurpose, string> = {
  crisis: 'If you are in danger or might hurt yourself',
  reporting: 'Report what is happening',
  takedown: 'Get pictures taken down',
  support: 'Someone to talk to',
  legal: 'Legal help',
};

/** The contacts chosen for this person, grouped by what they are for, each with why it fits. */
@Component({
  selector: 'sg-resource-groups',
  imports: [ContactText],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .resource-list { list-style: none; margin: 0; padding: 0; }
    .resource { padding: 0.75rem 0; border-bottom: 1px solid var(--line); p { margin: 0 0 0.35rem; } }
    .resource-name { font-weight: 700; }
    .resource-reason { color: var(--muted); font-size: 1rem; }
  `,
  template: `
    @for (group of groups(); track group.purpose) {
      <section class="resource-group" [attr.aria-labelledby]="showHeadings() ? 'purpose-' + group.purpose : null">
        @if (showHeadings()) {
          <h3 [id]="'purpose-' + group.purpose">{{ group.heading }}</h3>
        }
        <ul class="resource-list">
          @for (resource of group.resources; track resource.key) {
            <li class="resource">
              <p class="resource-name">{{ resource.name }}</p>
              <p class="resource-contact"><sg-contact-text [contact]="resource.contact" /></p>
              <p class="resource-reason">{{ resource.reason }}</p>
              @if (resource.url) {
                <p>
                  <a [href]="resource.url" target="_blank" rel="noopener noreferrer">
                    Visit {{ resource.name }}<span class="visually-hidden"> (opens in a new tab)</span>
                  </a>
                </p>
              }
            </li>
          }
        </ul>
      </section>
    } @empty {
      <p>Your local police can help. In an emergency, call your local emergency number.</p>
    }
  `,
})
export class ResourceGroups {
  readonly resources = input.required<readonly MatchedResource[]>();
  /** Off where the page's own heading already says what the group is for. */
  readonly showHeadings = input(true);

  protected readonly groups = computed(() =>
    RESOURCE_PURPOSES.map((purpose) => ({
      purpose,
      heading: PURPOSE_HEADINGS[purpose],
      resources: this.resources().filter((resource) => resource.purpose === purpose),
    })).filter((group) => group.resources.length > 0),
  );
}
