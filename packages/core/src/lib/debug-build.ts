declare const __DEBUG_BUILD__: boolean | undefined;

/**
 * False in the minified CDN bundles, where the build replaces `__DEBUG_BUILD__` so that every
 * debug message it guards is removed; true in npm builds unless the user's bundler defines it.
 */
export const DEBUG_BUILD: boolean = typeof __DEBUG_BUILD__ === 'undefined' || __DEBUG_BUILD__;
