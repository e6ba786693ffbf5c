import { isStaffRole } from './staff-role';

describe('isStaffRole', () => {
  it.each(['caseworker', 'supervisor', 'admin'])('accepts %s', (role) => {
    expect(isStaffRole(role)).toBe(true);
  });

  it.each(['Admin', 'root', '', null, 3])('rejects %p', (value) => {
    expect(isStaffRole(value)).toBe(false);
  });
});
