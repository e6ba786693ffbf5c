export * from './api-routes';
export * from './health/health-response';
export * from './queues/queue-names';
