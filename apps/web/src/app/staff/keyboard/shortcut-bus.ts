import { Injectable } from '@angular/core';
import { Observable, Subject } from 'rxjs';
import { ShortcutCommand } from './shortcuts';

/**
 * The shell reads the keyboard once and publishes commands; the page on screen (queue list,
 * case page) acts on the ones it understands.
 */
@Injectable()
export class ShortcutBus {
  private readonly commands = new Subject<ShortcutCommand>();
  readonly commands$: Observable<ShortcutCommand> = this.commands.asObservable();

  publish(command: ShortcutCommand): void {
    this.commands.next(command);
  }
}
