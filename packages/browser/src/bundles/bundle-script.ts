import { browserStackParser, markSdkScript } from '../stack';

// Where the running bundle was loaded from: lazyLoadIntegration fetches its add-on files beside it.
let bundleBaseUrl: string | undefined;

/**
 * Called once at the top of each bundle, while its `<script>` runs: the bundle's own frames
 * (wrappers, handlers) are not the app's, and its folder is where the add-on files are.
 */
export function markBundleScript(): void {
  try {
    const doc = (globalThis as { document?: { currentScript?: { src?: unknown } | null } }).document;
    if (!doc) {
      markSdkScript(runningScriptFromStack());
      return;
    }
    const src = doc.currentScript?.src;
    if (typeof src !== 'string' || !src) return;
    markSdkScript(src);
    bundleBaseUrl = src.slice(0, src.lastIndexOf('/') + 1);
  } catch {
    // a hostile `document`: the bundle still works, only lazy loading needs the base URL
  }
}

// A worker's importScripts runs the bundle without a `<script>` element: its own stack names its file.
function runningScriptFromStack(): string | undefined {
  const frames = browserStackParser(new Error().stack ?? '');
  return frames[frames.length - 1]?.filename;
}

/** The folder URL (ending in `/`) of the running bundle; undefined when it was not loaded from a URL. */
export function getBundleBaseUrl(): string | undefined {
  return bundleBaseUrl;
}
