import { openFreeText } from '../cases/case-free-text';
import { DataProtection } from '../security/data-protection';
import { SEAL_CONTEXT } from '../security/seal-contexts';

/** Why two cases were linked, as stored: sealed to the link, or plain on a link the key job has not sealed yet. */
export function openLinkReason(protection: DataProtection, link: { id: string; reason: string | null; reasonSealed: Buffer | null }): string {
  return openFreeText(protection, link.reasonSealed, SEAL_CONTEXT.link(link.id), link.reason) ?? '';
}
