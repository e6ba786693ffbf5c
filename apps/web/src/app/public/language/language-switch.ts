import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { Router } from '@angular/router';
import { LANGUAGE_NAMES, Language, PERSON_LANGUAGES } from '@sg/domain/language';
import { I18n } from '../../system/i18n/i18n';
import { TranslatePipe } from '../../system/i18n/translate.pipe';
import { PublicSessionStore } from '../session/public-session-store';
import { LANGUAGE_KEY, pathIn } from './person-language';

/**
 * The other languages, each named in itself and one tap away, on every public page. The choice
 * is kept for this tab only; the page keeps its place (same path, other prefix), and what was
 * typed into the form is kept by the form's own tab storage.
 */
@Component({
  selector: 'sg-language-switch',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host {
      display: block;
    }
    ul {
      list-style: none;
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1rem;
      margin: 0;
      padding: 0;
    }
    a {
      display: inline-block;
      min-height: 44px;
      line-height: 44px;
    }
  `,
  template: `
    <nav [attr.aria-label]="'person.language.label' | t">
      <ul>
        @for (language of others(); track language) {
          <li>
            <a [href]="hrefIn(language)" [attr.lang]="language" [attr.hreflang]="language" (click)="switchTo(language, $event)">{{ names[language] }}</a>
          </li>
        }
      </ul>
    </nav>
  `,
})
export class LanguageSwitch {
  private readonly i18n = inject(I18n);
  private readonly router = inject(Router);
  private readonly store = inject(PublicSessionStore);
  protected readonly names = LANGUAGE_NAMES;
  protected readonly others = computed(() => PERSON_LANGUAGES.filter((language) => language !== this.i18n.language()));

  protected hrefIn(language: Language): string {
    return pathIn(language, this.router.url);
  }

  protected switchTo(language: Language, event: MouseEvent): void {
    event.preventDefault();
    this.store.write(LANGUAGE_KEY, language);
    void this.router.navigateByUrl(pathIn(language, this.router.url), { replaceUrl: true });
  }
}
