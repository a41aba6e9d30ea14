/** Moved to dsl/text/suggest.ts (no chevrotain, no checker: the runtime uses it); kept for the checker's imports. */
export { suggest } from '../text/suggest.js';
