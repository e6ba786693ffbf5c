import { Injectable, effect, inject } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { RouterStateSnapshot, TitleStrategy } from '@angular/router';
import { I18n } from './i18n';

/**
 * Route titles that are catalogue keys (`person.titles.home`) are said in the page's language,
 * and said again when the language changes; other titles are shown as written.
 */
@Injectable()
export class TranslatedTitleStrategy extends TitleStrategy {
  private readonly title = inject(Title);
  private readonly i18n = inject(I18n);
  private current: string | undefined;

  constructor() {
    super();
    effect(() => {
      this.i18n.translator();
      if (this.current) this.title.setTitle(this.say(this.current));
    });
  }

  override updateTitle(snapshot: RouterStateSnapshot): void {
    this.current = this.buildTitle(snapshot);
    if (this.current) this.title.setTitle(this.say(this.current));
  }

  private say(title: string): string {
    return /^(person|staff)\.[\w.]+$/.test(title) ? this.i18n.t(title) : title;
  }
}
