import { SEAL_CONTEXT } from './seal-contexts';

/** The contexts are part of every sealed value already stored: changing one would make those rows unreadable. */
describe('SEAL_CONTEXT', () => {
  it('keeps the contexts values were sealed to before the list existed, and binds new free text to its row', () => {
    const id = '5b0c1d2e-0000-4000-8000-000000000001';
    expect(SEAL_CONTEXT.contact(id)).toBe(id);
    expect(SEAL_CONTEXT.transcript(id)).toBe(`case_transcript:${id}`);
    expect(SEAL_CONTEXT.message(id)).toBe(`case_message:${id}`);
    expect(SEAL_CONTEXT.identifier(id)).toBe(`case_identifier:${id}`);
    expect(SEAL_CONTEXT.idempotency('intake', 'key-1')).toBe('intake:key-1');
    expect(SEAL_CONTEXT.narrative(id)).toBe(`case_narrative:${id}`);
    expect(SEAL_CONTEXT.note(id)).toBe(`case_note:${id}`);
    expect(SEAL_CONTEXT.evidence(id)).toBe(`case_evidence:${id}`);
    expect(SEAL_CONTEXT.timeline(id)).toBe(`case_event:${id}`);
    expect(SEAL_CONTEXT.audit('42')).toBe('audit_log:42');
  });
});
