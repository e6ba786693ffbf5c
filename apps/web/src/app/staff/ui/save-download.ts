import type { HttpResponse } from '@angular/common/http';

/** The file name the server gave (`Content-Disposition: attachment; filename="…"`), or `fallback`. */
export function downloadFileName(response: HttpResponse<Blob>, fallback: string): string {
  const disposition = response.headers.get('content-disposition') ?? '';
  return /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallback;
}

/** Hands a downloaded file to the browser to save, and lets go of it. Nothing is kept in the page. */
export function saveDownload(response: HttpResponse<Blob>, fallback: string): void {
  if (!response.body) return;
  const url = URL.createObjectURL(response.body);
  const link = document.createElement('a');
  link.href = url;
  link.download = downloadFileName(response, fallback);
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // After the click has been handled: revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
