export * from './opening-hours';
export { isKnownTimeZone, zonedParts, zonedToUtc, isoWeekday, parsePlainDate, formatPlainDate } from './zoned-time';
export type { PlainDate, ZonedParts } from './zoned-time';
