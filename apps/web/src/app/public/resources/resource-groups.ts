import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { resourceTextIn, type ResourceTexts } from '@sg/contracts';
import { MatchedResource, RESOURCE_PURPOSES } from '@sg/domain';
import { I18n } from '../../system/i18n/i18n';
import { TranslatePipe } from '../../system/i18n/translate.pipe';
import { ContactText } from './contact-text';

/** A matched resource, with its words in every person language where the answer carries them. */
export type ShownResource = MatchedResource & Partial<ResourceTexts>;

/** The contacts chosen for this person, grouped by what they are for, each with why it fits. */
@Component({
  selector: 'sg-resource-groups',
  imports: [ContactText, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .resource-list {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .resource {
      padding: 0.75rem 0;
      border-bottom: 1px solid var(--line);
      p {
        margin: 0 0 0.35rem;
      }
    }
    .resource-name {
      font-weight: 700;
    }
    .resource-reason,
    .resource-when {
      color: var(--muted);
      font-size: 1rem;
    }
  `,
  template: `
    @for (group of groups(); track group.purpose) {
      <section class="resource-group" [attr.aria-labelledby]="showHeadings() ? 'purpose-' + group.purpose : null">
        @if (showHeadings()) {
          <h3 [id]="'purpose-' + group.purpose">{{ 'person.resources.purpose.' + group.purpose | t }}</h3>
        }
        <ul class="resource-list">
          @for (resource of group.resources; track resource.key) {
            <li class="resource">
              <p class="resource-name">{{ resource.text.name }}</p>
              @if (resource.text.description) {
                <p class="resource-description">{{ resource.text.description }}</p>
              }
              <p class="resource-contact"><sg-contact-text [contact]="resource.text.contact" /></p>
              <p class="resource-reason">{{ resource.reason | t }}</p>
              @if (resource.text.whenToUse) {
                <p class="resource-when">{{ 'person.resources.whenToUse' | t: { text: resource.text.whenToUse } }}</p>
              }
              @if (resource.url) {
                <p>
                  <a [href]="resource.url" target="_blank" rel="noopener noreferrer">
                    {{ 'person.resources.visit' | t: { name: resource.text.name } }}<span class="visually-hidden">{{ 'person.resources.newTab' | t }}</span>
                  </a>
                </p>
              }
            </li>
          }
        </ul>
      </section>
    } @empty {
      <p>{{ 'person.resources.none' | t }}</p>
    }
  `,
})
export class ResourceGroups {
  private readonly i18n = inject(I18n);

  readonly resources = input.required<readonly ShownResource[]>();
  /** Off where the page's own heading already says what the group is for. */
  readonly showHeadings = input(true);

  /** Each entry's words in the tab's language, field by field falling back to English. */
  protected readonly groups = computed(() => {
    const language = this.i18n.language();
    return RESOURCE_PURPOSES.map((purpose) => ({
      purpose,
      resources: this.resources()
        .filter((resource) => resource.purpose === purpose)
        .map((resource) => ({ ...resource, text: resourceTextIn(resource, language) })),
    })).filter((group) => group.resources.length > 0);
  });
}
