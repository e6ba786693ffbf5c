import { Pipe, PipeTransform } from '@angular/core';
import { platformLabel } from '@sg/domain';

/** "instagram" → "Instagram" (see platformLabel). */
@Pipe({ name: 'platform' })
export class PlatformPipe implements PipeTransform {
  transform(value: string | null | undefined): string {
    return platformLabel(value);
  }
}
