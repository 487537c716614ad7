/** Reminders, pure core: schedules, what is due from whom, the quota, idempotent runs and the digest email. */
export * from './digest';
export * from './email';
export * from './progress';
export * from './quota';
export * from './recipients';
export * from './run-key';
export * from './schedule';
export * from './service-levels';
