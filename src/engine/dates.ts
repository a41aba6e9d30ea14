/**
 * Calendar arithmetic lives in `src/calendar/dates.ts` (shared by the engine and `src/versions/`); this module
 * re-exports it for code written against the engine's path.
 */
export * from '../calendar/dates.js';
