import type { StaffMember } from '@sg/contracts';
import { sortAccounts, staffChanges, toStaffCreate } from './account-form';

const member = (overrides: Partial<StaffMember> = {}): StaffMember => ({
  id: 's1',
  displayName: 'Casey Caseworker',
  email: 'casey@demo.test',
  role: 'caseworker',
  active: true,
  ...overrides,
});

describe('account form mapping', () => {
  it('trims the form and lower-cases the email for POST /api/staff', () => {
    expect(toStaffCreate({ displayName: '  Robin Lee ', email: ' Robin.Lee@Example.ORG ', role: 'supervisor', password: ' secret with spaces ' })).toEqual({
      displayName: 'Robin Lee',
      email: 'robin.lee@example.org',
      role: 'supervisor',
      password: ' secret with spaces ',
    });
  });

  it('sends only what changes in a PATCH', () => {
    expect(staffChanges(member(), { role: 'caseworker' })).toBeNull();
    expect(staffChanges(member(), { role: 'admin' })).toEqual({ role: 'admin' });
    expect(staffChanges(member(), { active: false })).toEqual({ active: false });
    expect(staffChanges(member({ active: false }), { active: true })).toEqual({ active: true });
    expect(staffChanges(member(), { password: 'abcdefghijklmnop' })).toEqual({ password: 'abcdefghijklmnop' });
    expect(staffChanges(member(), { password: '' })).toBeNull();
    expect(staffChanges(member(), { displayName: ' Casey C ' })).toEqual({ displayName: 'Casey C' });
  });

  it('lists active people first, then by name', () => {
    const sorted = sortAccounts([
      member({ id: 'a', displayName: 'Zed', active: true }),
      member({ id: 'b', displayName: 'Amy', active: false }),
      member({ id: 'c', displayName: 'Bea', active: true }),
    ]);
    expect(sorted.map((m) => m.id)).toEqual(['c', 'a', 'b']);
  });
});
