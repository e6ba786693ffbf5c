import { Translatable, translatable } from '../language/translatable';

/**
 * The number to call when someone is in danger right now, by country: stable public facts, kept
 * in the product (not in the editable directory) so every public page can show one even when
 * the API cannot be reached. Where police and ambulance differ and there is no single number,
 * both are given. A country missing here (uninhabited territories, and places whose numbers we
 * could not confirm) shows "call your local emergency number" with the worldwide helpline
 * directories instead: a wrong number is worse than none. Organisations should check the
 * entries for the countries they serve (README, "Directory entries to verify").
 */
const TABLE = `
AD 112|AE 999|AF 119 for police, 102 for an ambulance|AG 911|AI 911|AL 129 for police, 127 for an ambulance|AM 112|AR 911|AS 911|AT 112|AU 000|AW 911|AX 112|AZ 112
BA 122 for police, 124 for an ambulance|BB 211 for police, 511 for an ambulance|BD 999|BE 112|BG 112|BH 999|BL 112|BM 911|BN 993 for police, 991 for an ambulance|BO 110 for police, 118 for an ambulance|BQ 911|BR 190 for police, 192 for an ambulance|BS 911|BT 113 for police, 112 for an ambulance|BW 999|BY 102 for police, 103 for an ambulance|BZ 911
CA 911|CH 112|CL 133 for police, 131 for an ambulance|CN 110 for police, 120 for an ambulance|CO 123|CR 911|CU 106 for police, 104 for an ambulance|CV 132 for police, 130 for an ambulance|CW 911|CY 112|CZ 112
DE 112, or 110 for police|DK 112|DM 999|DO 911|DZ 17 for police, 14 for an ambulance
EC 911|EE 112|EG 122 for police, 123 for an ambulance|ES 112|FI 112|FJ 917 for police, 911 for an ambulance|FK 999|FO 112|FR 112|GB 999 or 112|GD 911|GE 112|GF 112|GG 999 or 112|GH 112|GI 112 or 999|GL 112|GP 112|GR 112|GT 110 for police, 128 for an ambulance|GU 911|GY 911
HK 999|HN 911|HR 112|HT 114 for police, 116 for an ambulance|HU 112|ID 112|IE 112 or 999|IL 100 for police, 101 for an ambulance|IM 999 or 112|IN 112|IR 110 for police, 115 for an ambulance|IS 112|IT 112
JE 999 or 112|JM 119 for police, 110 for an ambulance|JO 911|JP 110 for police, 119 for an ambulance|KE 999 or 112|KG 102 for police, 103 for an ambulance|KH 117 for police, 119 for an ambulance|KN 911|KR 112 for police, 119 for an ambulance|KW 112|KY 911|KZ 112
LA 191 for police, 195 for an ambulance|LB 112 for police, 140 for an ambulance|LC 911|LI 112|LK 119 for police, 1990 for an ambulance|LR 911|LT 112|LU 112|LV 112
MC 112|MD 112|ME 112|MF 112|MK 112|MN 102 for police, 103 for an ambulance|MO 999|MP 911|MQ 112|MS 999|MT 112|MU 999 for police, 114 for an ambulance|MV 119 for police, 102 for an ambulance|MW 997 for police, 998 for an ambulance|MX 911|MY 999, or 112 from a mobile
NC 17 for police, 15 for an ambulance|NG 112|NI 118 for police, 128 for an ambulance|NL 112|NO 112 for police, 113 for an ambulance|NP 100 for police, 102 for an ambulance|NZ 111
OM 9999|PA 911|PE 105 for police, 106 for an ambulance|PF 17 for police, 15 for an ambulance|PH 911|PK 15 for police, 1122 for rescue|PL 112|PM 112|PR 911|PS 100 for police, 101 for an ambulance|PT 112|PY 911
QA 999|RE 112|RO 112|RS 192 for police, 194 for an ambulance|RU 112|RW 112
SA 911|SC 999|SD 999|SE 112|SG 999 for police, 995 for an ambulance|SI 112|SJ 112|SK 112|SM 112|SR 115|SV 911|SX 911|SZ 999
TC 911|TH 191 for police, 1669 for an ambulance|TL 112|TN 197 for police, 190 for an ambulance|TR 112|TT 999 for police, 990 for an ambulance|TW 110 for police, 119 for an ambulance|TZ 112
UA 112|UG 999 or 112|US 911|UY 911|UZ 102 for police, 103 for an ambulance|VA 112|VC 911|VE 911|VG 999 or 911|VI 911|VN 113 for police, 115 for an ambulance|XK 192 for police, 194 for an ambulance|YT 112|ZA 10111 for police, 112 from a mobile
`;

export const EMERGENCY_NUMBERS: Readonly<Record<string, string>> = Object.freeze(
  Object.fromEntries(
    TABLE.split(/[|\n]/)
      .map((entry) => entry.trim())
      .filter(Boolean)
      .map((entry) => [entry.slice(0, 2), entry.slice(3)]),
  ),
);

/** The number(s) to call in danger now, e.g. "999, or 112 from a mobile"; undefined where unknown. */
export function emergencyNumberFor(country: string | null | undefined): string | undefined {
  return country ? EMERGENCY_NUMBERS[country.toUpperCase()] : undefined;
}

/**
 * The shapes the table's entries take, each a catalogue key under `person.crisis.numbers`: the
 * table stays one compact English list (easy to check against official sources), and a reader
 * in another language gets the same numbers with the words around them in their language.
 */
const FORMS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(\d+)$/, 'one'],
  [/^(\d+) or (\d+)$/, 'either'],
  [/^(\d+), or (\d+) from a mobile$/, 'orFromMobile'],
  [/^(\d+), or (\d+) for police$/, 'orForPolice'],
  [/^(\d+) for police, (\d+) for an ambulance$/, 'policeAmbulance'],
  [/^(\d+) for police, (\d+) for rescue$/, 'policeRescue'],
  [/^(\d+) for police, (\d+) from a mobile$/, 'policeFromMobile'],
];

/**
 * `emergencyNumberFor` as words to translate: `person.crisis.numbers.orFromMobile` with
 * `{ first: '999', second: '112' }` for Malaysia. The numbers are strings, so no language
 * formats them as quantities ("10,111"). Undefined where no number is known.
 */
export function emergencyNumberText(country: string | null | undefined): Translatable | undefined {
  const numbers = emergencyNumberFor(country);
  if (!numbers) return undefined;
  for (const [pattern, form] of FORMS) {
    const match = pattern.exec(numbers);
    if (match) return translatable(`person.crisis.numbers.${form}`, match[2] ? { first: match[1] ?? '', second: match[2] } : { first: match[1] ?? '' });
  }
  // A new entry in a shape the catalogue does not know yet: the digits, never nothing.
  return translatable('person.crisis.numbers.one', { first: numbers });
}
