// Scripts injected by browser extensions share the page's errors but are no part of the app.
const EXTENSION_URL = /^(?:chrome|moz|safari|safari-web|ms-browser)-extension:\/\//;
const NATIVE_FILES = new Set(['<anonymous>', '[native code]', 'native']);
// On the global object, so that every copy of the SDK on the page (two bundles, a bundle and an npm
// build) knows the scripts of the others: whichever client reports, no copy's frames are in-app.
const SDK_SCRIPTS_KEY = Symbol.for('sentry-sdk.sdk-scripts');

function getSdkScripts(): Set<string> {
  const holder = globalThis as { [SDK_SCRIPTS_KEY]?: unknown };
  const scripts = holder[SDK_SCRIPTS_KEY];
  return scripts instanceof Set ? (scripts as Set<string>) : (holder[SDK_SCRIPTS_KEY] = new Set<string>());
}

/** Records the URL the SDK itself was loaded from (the CDN bundle), so its frames are not in-app. */
export function markSdkScript(url: unknown): void {
  if (typeof url === 'string' && url) getSdkScripts().add(url);
}

/** True for a frame from a browser extension's script. */
export function isBrowserExtensionUrl(filename: string): boolean {
  return EXTENSION_URL.test(filename);
}

/** `in_app` of a frame (protocol.md §5.3): false for extension scripts, the SDK's bundle and native code. */
export function isInAppFilename(filename: string): boolean {
  return !NATIVE_FILES.has(filename) && !isBrowserExtensionUrl(filename) && !getSdkScripts().has(filename);
}
