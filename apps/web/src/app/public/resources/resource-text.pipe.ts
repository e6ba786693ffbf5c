import { Pipe, PipeTransform, inject } from '@angular/core';
import { resourceTextIn, type ResourceTexts } from '@sg/contracts';
import type { MatchedResource } from '@sg/domain';
import { I18n } from '../../system/i18n/i18n';

/**
 * `{{ (resource | resourceText).name }}`: a directory entry's words in the tab's language, each
 * falling back to English. Not pure: the language changes under the same resource.
 */
@Pipe({ name: 'resourceText', pure: false })
export class ResourceTextPipe implements PipeTransform {
  private readonly i18n = inject(I18n);

  transform(resource: Pick<MatchedResource, 'name' | 'contact'> & Partial<ResourceTexts>): ReturnType<typeof resourceTextIn> {
    return resourceTextIn(resource, this.i18n.language());
  }
}
