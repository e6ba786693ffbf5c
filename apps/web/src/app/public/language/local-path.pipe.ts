import { Pipe, PipeTransform, inject } from '@angular/core';
import { I18n } from '../../system/i18n/i18n';
import { pathIn } from './person-language';

/** `[routerLink]="'/help' | localPath"`: a link that stays in the page's language. */
@Pipe({ name: 'localPath', pure: false })
export class LocalPathPipe implements PipeTransform {
  private readonly i18n = inject(I18n);

  transform(path: string): string {
    return pathIn(this.i18n.language(), path);
  }
}
