/** The V8 settings the command line runs with (see v8-flags.mjs). */
export declare const V8_FLAGS: readonly string[];
/** Sets {@link V8_FLAGS} in this process. */
export declare function setV8Flags(): void;
