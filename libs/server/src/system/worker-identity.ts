import { hostname } from 'node:os';

/** Identifies this process in heartbeats and logs: host and pid, unique per running worker. */
export const WORKER_ID = `${hostname()}:${process.pid}`;
