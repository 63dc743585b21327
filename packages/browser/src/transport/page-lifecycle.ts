import { native } from '../native';

interface PageGlobals {
  document?: Document;
}

/** True while the page is hidden or being unloaded (no document, as in workers: false). */
export function isPageHidden(): boolean {
  try {
    return (globalThis as PageGlobals).document?.visibilityState === 'hidden';
  } catch {
    return false;
  }
}

/**
 * Calls `callback` when the page may be about to go away: on `pagehide`, and when it becomes
 * hidden (the last event a mobile browser reliably fires before discarding a tab). Returns the
 * function that stops listening.
 */
export function onPageHide(callback: () => void): () => void {
  const add = native.addEventListener;
  const remove = native.removeEventListener;
  const doc = (globalThis as PageGlobals).document;
  if (!add || !remove || !doc) return () => undefined;
  const onVisibility = (): void => {
    if (isPageHidden()) callback();
  };
  try {
    add.call(globalThis, 'pagehide', callback);
    add.call(doc, 'visibilitychange', onVisibility);
  } catch {
    return () => undefined;
  }
  return () => {
    remove.call(globalThis, 'pagehide', callback);
    remove.call(doc, 'visibilitychange', onVisibility);
  };
}
