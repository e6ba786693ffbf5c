import type { MatDialogConfig } from '@angular/material/dialog';
import type { MatSnackBarConfig } from '@angular/material/snack-bar';

/*
 * Material declares its option bags as classes (for their defaults) but reads a plain object's
 * fields, and merges them over its defaults: its own examples pass literals. These type our
 * literals as the partial options they are, so a plain object is never mistaken for an instance
 * (no-unsafe-class-instance-assignment), without building one whose defaults would override a
 * provided MAT_*_DEFAULT_OPTIONS.
 */

/** A snack bar shown for `duration` ms. */
export function snackFor(duration: number): Partial<MatSnackBarConfig> {
  return { duration };
}

/** A dialog's options. */
export function dialogOptions<D>(options: Partial<MatDialogConfig<D>>): Partial<MatDialogConfig<D>> {
  return options;
}
