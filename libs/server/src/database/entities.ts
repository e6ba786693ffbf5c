import { Organisation } from '../accounts/organisation.entity';
import { StaffUser } from '../accounts/staff-user.entity';
import { WorkerHeartbeat } from '../system/worker-heartbeat.entity';

/** Every TypeORM entity, listed once: the app, the worker and the migration CLI all use this. */
export const ENTITIES = [Organisation, StaffUser, WorkerHeartbeat];
