// Scripts injected by browser extensions share the page's errors but are no part of the app.
const EXTENSION_URL = /^(?:chrome|moz|safari|safari-web|ms-browser)-extension:\/\//;
const NATIVE_FILES = new Set(['<anonymous>', '[native code]', 'native']);
const sdkScripts = new Set<string>();

/** Records the URL the SDK itself was loaded from (the CDN bundle), so its frames are not in-app. */
export function markSdkScript(url: unknown): void {
  if (typeof url === 'string' && url) sdkScripts.add(url);
}

/** True for a frame from a browser extension's script. */
export function isBrowserExtensionUrl(filename: string): boolean {
  return EXTENSION_URL.test(filename);
}

/** `in_app` of a frame (protocol.md §5.3): false for extension scripts, the SDK's bundle and native code. */
export function isInAppFilename(filename: string): boolean {
  return !NATIVE_FILES.has(filename) && !isBrowserExtensionUrl(filename) && !sdkScripts.has(filename);
}
