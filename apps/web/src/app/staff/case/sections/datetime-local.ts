/** `<input type="datetime-local">` speaks local wall-clock time without a zone; the API wants ISO 8601 with one. */
export function toDateTimeLocal(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The local wall-clock value as an ISO instant, or null for an empty field. */
export function fromDateTimeLocal(value: string): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** For yes / no / not known selects: '' is "not known". */
export function toTriState(value: boolean | null): '' | 'yes' | 'no' {
  return value === null ? '' : value ? 'yes' : 'no';
}

export function fromTriState(value: string): boolean | null {
  return value === 'yes' ? true : value === 'no' ? false : null;
}
