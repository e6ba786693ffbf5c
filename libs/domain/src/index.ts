export * from './staff/staff-role';
