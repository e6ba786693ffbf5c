/** Moved to the dashboard's shared ui/ (labels, errors and times speak through it too). */
export type { Speaks } from '../ui/speaks';
