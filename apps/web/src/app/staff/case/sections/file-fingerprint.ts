/** Bytes as lower-case hex, the form the API expects for a SHA-256. */
export function toHex(buffer: ArrayBuffer): string {
  return Array.from(new Uint8Array(buffer), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** True where the browser can hash files (Web Crypto needs a secure context: https or localhost). */
export function canFingerprint(): boolean {
  return typeof crypto !== 'undefined' && !!crypto.subtle && typeof crypto.subtle.digest === 'function';
}

/**
 * SHA-256 of a file, computed here in the browser. The file is read from the disk into this tab
 * and nowhere else: it is never uploaded, only this hash is.
 */
export async function sha256Hex(file: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return toHex(digest);
}
