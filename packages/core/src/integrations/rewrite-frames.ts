import { callGuarded, copyOwnEntries } from '../lib';
import type { Event, Integration, StackFrame, Stacktrace } from '../types';

const NAME = 'RewriteFrames';

/** How `rewriteFramesIntegration` renames frame paths. */
export interface RewriteFramesOptions {
  /** The app's root folder: paths under it become `prefix` + their path relative to it. */
  root?: string;
  /** Put in front of the rewritten path. Default `app:///`, what source-map uploads expect. */
  prefix?: string;
  /** Replaces the default rewriting: gets each frame, returns the frame to send. */
  iteratee?: (frame: StackFrame) => StackFrame;
}

type Thread = Record<string, unknown> & { stacktrace?: Stacktrace };

/**
 * Rewrites the file paths of stack frames (exceptions and threads) to stable names such as
 * `app:///src/cart.js`, so that frames match uploaded source maps wherever the app was deployed.
 */
export function rewriteFramesIntegration(input: RewriteFramesOptions = {}): Integration {
  // read once, guarded: a factory is public API and may be handed a hostile object
  const options = copyOwnEntries<RewriteFramesOptions>(input);
  const prefix = options.prefix ?? 'app:///';
  const root = typeof options.root === 'string' ? (toPosixPath(options.root) ?? options.root.replace(/\\/g, '/')).replace(/\/+$/, '') : undefined;
  const { iteratee } = options;
  const rewrite = iteratee
    ? (frame: StackFrame): StackFrame => {
        const result = callGuarded(`${NAME} iteratee`, () => iteratee(frame), frame);
        return result && typeof result === 'object' ? result : frame;
      }
    : (frame: StackFrame): StackFrame => rewriteFrame(frame, prefix, root);
  const rewriteStack = <T extends { stacktrace?: Stacktrace }>(holder: T): T => {
    const frames = holder.stacktrace?.frames;
    return Array.isArray(frames) ? { ...holder, stacktrace: { ...holder.stacktrace, frames: frames.map(rewrite) } } : holder;
  };

  return {
    name: NAME,
    processEvent(event) {
      try {
        return rewriteEvent(event, rewriteStack);
      } catch {
        return event;
      }
    },
  };
}

function rewriteEvent(event: Event, rewriteStack: <T extends { stacktrace?: Stacktrace }>(holder: T) => T): Event {
  const exceptions = event.exception?.values;
  if (Array.isArray(exceptions)) event.exception = { ...event.exception, values: exceptions.map(rewriteStack) };
  const threads = event.threads?.values as Thread[] | undefined;
  if (Array.isArray(threads)) event.threads = { ...event.threads, values: threads.map(rewriteStack) };
  return event;
}

function rewriteFrame(frame: StackFrame, prefix: string, root: string | undefined): StackFrame {
  const rewritten = { ...frame };
  for (const field of ['filename', 'abs_path'] as const) {
    const value = frame[field];
    const path = typeof value === 'string' ? toPosixPath(value) : undefined;
    const renamed = path === undefined ? undefined : rewritePath(path, prefix, root);
    if (renamed !== undefined) rewritten[field] = renamed;
  }
  return rewritten;
}

/** With a root: the path under it, prefixed (paths outside it stay as they are); without: the prefixed basename. */
function rewritePath(path: string, prefix: string, root: string | undefined): string | undefined {
  if (root === undefined) return prefix + path.slice(path.lastIndexOf('/') + 1);
  if (root === '') return prefix + path.replace(/^\/+/, '');
  if (!path.startsWith(`${root}/`)) return undefined;
  return prefix + path.slice(root.length + 1);
}

/**
 * An absolute file path with forward slashes and without a drive letter (`C:\app\x.js` →
 * `/app/x.js`, `\\server\share\x.js` → `//server/share/x.js`); `undefined` for URLs and relative paths.
 */
function toPosixPath(input: string): string | undefined {
  let path = input.startsWith('file://') ? input.slice('file://'.length) : input;
  if (/^\/[a-zA-Z]:[\\/]/.test(path)) path = path.slice(1);
  if (/^[a-zA-Z]:[\\/]/.test(path)) return path.slice(2).replace(/\\/g, '/');
  if (path.startsWith('\\\\')) return path.replace(/\\/g, '/');
  return path.startsWith('/') ? path : undefined;
}
