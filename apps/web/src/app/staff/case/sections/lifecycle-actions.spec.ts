import { REPORT_STATUSES, TAKEDOWN_STATUSES, allowedReportTransitions, allowedTakedownTransitions } from '@sg/domain';
import { translatorFor } from '@sg/i18n/server';
import { REPORT_ACTION_LABELS, TAKEDOWN_ACTION_LABELS, StatusAction, reportActions, statusActions, takedownActions } from './lifecycle-actions';

const english = translatorFor('en');
/** The actions as an English reader sees them (labels are catalogue keys). */
const said = <S extends string>(actions: StatusAction<S>[]) => actions.map((action) => ({ ...action, label: english.t(action.label) }));

describe('status menu options', () => {
  it('offers only the moves the server allows, in words', () => {
    expect(said(takedownActions(['submitted']))).toEqual([{ status: 'submitted', label: 'Mark submitted' }]);
    expect(said(takedownActions(['acknowledged', 'removed', 'rejected'])).map((action) => action.label)).toEqual([
      'Mark acknowledged',
      'Mark removed',
      'Mark rejected',
    ]);
    expect(said(takedownActions(['reappeared']))[0]?.label).toMatch(/reappeared/i);
    expect(said(reportActions(['acknowledged', 'actioned', 'no_action'])).map((action) => action.label)).toEqual([
      'Mark acknowledged',
      'Mark actioned',
      'Mark no action taken',
    ]);
  });

  it('gives an empty menu for a finished request or report, and for a missing list', () => {
    expect(takedownActions([])).toEqual([]);
    expect(reportActions(undefined)).toEqual([]);
    expect(takedownActions(null)).toEqual([]);
  });

  it('drops duplicates and codes it does not know', () => {
    expect(said(statusActions<string>(['filed', 'filed', 'lost'], REPORT_ACTION_LABELS))).toEqual([{ status: 'filed', label: 'Mark filed' }]);
  });

  it('has words for every move the lifecycles allow', () => {
    for (const from of TAKEDOWN_STATUSES) {
      for (const action of takedownActions(allowedTakedownTransitions(from))) {
        expect(action.label).toBe(TAKEDOWN_ACTION_LABELS[action.status]);
        expect(english.has(action.label)).toBe(true);
      }
      expect(takedownActions(allowedTakedownTransitions(from))).toHaveLength(allowedTakedownTransitions(from).length);
    }
    for (const from of REPORT_STATUSES) {
      expect(reportActions(allowedReportTransitions(from))).toHaveLength(allowedReportTransitions(from).length);
    }
  });
});
