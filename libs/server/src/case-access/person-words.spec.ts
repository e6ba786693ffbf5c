import { CASE_STATUS_FOR_PUBLIC } from '@sg/contracts';
import { CASE_STATUSES, describeResponseTarget } from '@sg/domain';
import { translatorFor } from '@sg/i18n/server';
import {
  additionParts,
  additionPartsFromSummary,
  caseStatusWords,
  englishAdditionSummary,
  responseTargetFromEnglish,
  responseTargetWords,
} from './person-words';

const english = translatorFor('en');

describe("the person's case words", () => {
  it('says the response target in English exactly as describeResponseTarget', () => {
    for (const minutes of [15, 45, 60, 90, 8 * 60, 47 * 60, 48 * 60, 72 * 60, 7 * 24 * 60]) {
      expect(english.text(responseTargetWords(minutes))).toBe(describeResponseTarget(minutes));
      // And reads the English of an answer remembered before the keys back into the same key.
      expect(responseTargetFromEnglish(describeResponseTarget(minutes))).toEqual(responseTargetWords(minutes));
    }
    expect(responseTargetFromEnglish('soon')).toBeNull();
  });

  it('names the status by key', () => {
    expect(CASE_STATUSES.map((status) => caseStatusWords(status).key)).toEqual(CASE_STATUSES.map((status) => `person.caseStatus.${status}`));
    expect(Object.keys(CASE_STATUS_FOR_PUBLIC).sort()).toEqual([...CASE_STATUSES].sort());
  });

  it('keeps the English timeline line and reads it back into the same parts', () => {
    const parts = additionParts(
      { platforms: [{ platform: 'X' }, { platform: 'Y' }], contentUrls: ['https://a.example'], deadlineAt: null, contentPosted: 'yes', note: 'hi' },
      'no',
    );
    const line = englishAdditionSummary(parts);
    expect(line).toBe('Added 2 accounts; Added 1 link; Removed the deadline; Said content has been posted; Added a note');
    expect(additionPartsFromSummary(line)).toEqual(parts);
    expect(englishAdditionSummary(additionParts({ deadlineAt: '2026-12-07T10:00:00Z', contentPosted: 'unknown' }, 'no'))).toBe(
      'Updated the deadline; Updated whether content is posted',
    );
    // The same content answer again is no change.
    expect(additionParts({ contentPosted: 'no', note: 'x' }, 'no')).toEqual([{ key: 'person.additions.note' }]);
    expect(additionPartsFromSummary('Something else')).toEqual([{ key: 'person.additions.other' }]);
  });
});
