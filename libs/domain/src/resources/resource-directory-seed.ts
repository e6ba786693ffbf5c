import { ResourceEntry } from './resource-entry';

/**
 * The resource directory as first installed (from public guidance). Admins edit it afterwards;
 * the database copy is the one the product uses. `contact` is how people reach the service.
 */
export const RESOURCE_DIRECTORY_SEED: readonly ResourceEntry[] = [
  { key: 'us-ncmec-cybertipline', jurisdiction: 'US', name: 'NCMEC CyberTipline', contact: '1-800-843-5678', url: 'https://report.cybertip.org', purpose: 'reporting', audiences: ['minors'], sortOrder: 10 },
  { key: 'us-fbi', jurisdiction: 'US', name: 'FBI', contact: '1-800-CALL-FBI', url: 'https://tips.fbi.gov', purpose: 'reporting', audiences: ['everyone'], sortOrder: 20 },
  { key: 'us-ic3', jurisdiction: 'US', name: 'FBI Internet Crime Complaint Center (IC3)', contact: 'ic3.gov', url: 'https://www.ic3.gov', purpose: 'reporting', audiences: ['financial'], sortOrder: 30 },
  { key: 'us-hsi', jurisdiction: 'US', name: 'Homeland Security Investigations tip line', contact: '877-4-HSI-TIP', purpose: 'reporting', audiences: ['everyone'], sortOrder: 40 },
  { key: 'us-988', jurisdiction: 'US', name: '988 Suicide and Crisis Lifeline', contact: 'Call or text 988', url: 'https://988lifeline.org', purpose: 'crisis', audiences: ['self_harm'], sortOrder: 10 },
  { key: 'us-crisis-text-line', jurisdiction: 'US', name: 'Crisis Text Line', contact: 'Text THORN to 741741', purpose: 'support', audiences: ['support'], sortOrder: 10 },
  { key: 'us-ccri', jurisdiction: 'US', name: 'Cyber Civil Rights Initiative', contact: 'cybercivilrights.org', url: 'https://cybercivilrights.org', purpose: 'legal', audiences: ['adults'], sortOrder: 10 },
  { key: 'my-cyber999', jurisdiction: 'MY', name: 'CyberSecurity Malaysia, Cyber999 Help Centre', contact: '1-300-88-2999 (business hours); SMS 019-266 5850 after hours', purpose: 'reporting', audiences: ['everyone'], sortOrder: 10 },
  { key: 'my-mhpss', jurisdiction: 'MY', name: 'Mental Health Psychosocial Support Service', contact: '03-2935 9935 / 014-322 3392', purpose: 'crisis', audiences: ['self_harm', 'support'], sortOrder: 20 },
  { key: 'my-talian-kasih', jurisdiction: 'MY', name: 'Talian Kasih', contact: '15999; WhatsApp 019-261 5999', purpose: 'support', audiences: ['support'], sortOrder: 10 },
  { key: 'my-befrienders-kl', jurisdiction: 'MY', name: 'Befrienders Kuala Lumpur', contact: '03-7627 2929', purpose: 'crisis', audiences: ['self_harm'], sortOrder: 10 },
  { key: 'gb-action-fraud', jurisdiction: 'GB', name: 'Action Fraud', contact: 'actionfraud.police.uk', url: 'https://www.actionfraud.police.uk', purpose: 'reporting', audiences: ['everyone'], sortOrder: 20 },
  { key: 'gb-ceop', jurisdiction: 'GB', name: 'CEOP (National Crime Agency)', contact: 'ceop.police.uk', url: 'https://www.ceop.police.uk', purpose: 'reporting', audiences: ['minors'], sortOrder: 10 },
  { key: 'gb-report-remove', jurisdiction: 'GB', name: 'Report Remove (Childline and IWF)', contact: 'childline.org.uk', url: 'https://www.childline.org.uk', purpose: 'takedown', audiences: ['minors'], sortOrder: 10 },
  { key: 'any-take-it-down', jurisdiction: 'ANY', name: 'Take It Down (NCMEC)', contact: 'takeitdown.ncmec.org', url: 'https://takeitdown.ncmec.org', purpose: 'takedown', audiences: ['minors'], sortOrder: 10 },
  { key: 'any-stopncii', jurisdiction: 'ANY', name: 'StopNCII.org', contact: 'stopncii.org', url: 'https://stopncii.org', purpose: 'takedown', audiences: ['adults'], sortOrder: 20 },
  { key: 'us-emergency', jurisdiction: 'US', name: 'Emergency services', contact: 'Call 911 if you are in danger now', purpose: 'crisis', audiences: ['self_harm'], sortOrder: 1 },
  { key: 'gb-emergency', jurisdiction: 'GB', name: 'Emergency services', contact: 'Call 999 if you are in danger now', purpose: 'crisis', audiences: ['self_harm'], sortOrder: 1 },
  { key: 'gb-samaritans', jurisdiction: 'GB', name: 'Samaritans', contact: 'Call 116 123, free, day or night', url: 'https://www.samaritans.org', purpose: 'crisis', audiences: ['self_harm'], sortOrder: 10 },
  { key: 'my-emergency', jurisdiction: 'MY', name: 'Emergency services', contact: 'Call 999 if you are in danger now', purpose: 'crisis', audiences: ['self_harm'], sortOrder: 1 },
  { key: 'any-emergency', jurisdiction: 'ANY', name: 'Emergency services', contact: 'Call your local emergency number if you are in danger now', purpose: 'crisis', audiences: ['self_harm'], sortOrder: 90 },
  { key: 'my-nsrc', jurisdiction: 'MY', name: 'National Scam Response Centre (NSRC)', contact: 'Call 997 as soon as money has been sent', purpose: 'reporting', audiences: ['financial'], sortOrder: 20 },
  { key: 'my-pdrm-ccid', jurisdiction: 'MY', name: 'Royal Malaysia Police (PDRM), Commercial Crime Investigation Department', contact: 'Report at any police station; check an account on semakmule.rmp.gov.my', url: 'https://semakmule.rmp.gov.my', purpose: 'reporting', audiences: ['everyone'], sortOrder: 30 },
  // Shown only where the directory has no crisis line of the country's own (see selectResources).
  { key: 'any-find-a-helpline', jurisdiction: 'ANY', name: 'Find A Helpline', contact: 'findahelpline.com lists free, confidential helplines in your country', url: 'https://findahelpline.com', purpose: 'crisis', audiences: ['everyone'], sortOrder: 95 },
  { key: 'any-befrienders', jurisdiction: 'ANY', name: 'Befrienders Worldwide', contact: 'befrienders.org finds an emotional support centre near you', url: 'https://www.befrienders.org', purpose: 'crisis', audiences: ['everyone'], sortOrder: 96 },
  { key: 'any-local-police', jurisdiction: 'ANY', name: 'Local police', contact: 'Your local police station or non-emergency number', purpose: 'reporting', audiences: ['everyone'], sortOrder: 90 },
];
