const NODE_MODULES = '/node_modules/';
const WINDOWS_DRIVE = /^[A-Za-z]:[\\/]/;

/** True for a POSIX, Windows drive or UNC absolute path. */
export function isAbsolutePath(path: string): boolean {
  return path.startsWith('/') || WINDOWS_DRIVE.test(path) || path.startsWith('\\\\');
}

/** `path` with forward slashes and, for drive paths, a lower-case drive letter (comparisons only). */
function toComparable(path: string): string {
  const slashed = path.replace(/\\/g, '/');
  return WINDOWS_DRIVE.test(slashed) ? slashed[0]!.toLowerCase() + slashed.slice(1) : slashed;
}

/**
 * Makes the function that names the module of a frame from its absolute path:
 * - under `node_modules`: the path after the last `node_modules/` (so pnpm's `.pnpm/…` store is
 *   skipped), e.g. `…/node_modules/express/lib/router/index.js` → `express.lib.router:index`;
 * - under `appRoot`: the path relative to it, e.g. `/app/src/jobs/send.ts` → `src.jobs:send`;
 * - elsewhere: the file name alone, e.g. `/opt/tools/run.js` → `run`.
 * Directories are joined with `.`, the file name (without its extension) follows a `:`.
 * Returns undefined for paths that are not absolute (`node:fs`, `<anonymous>`).
 */
export function createGetModuleFromFilename(appRoot: string): (filename: string) => string | undefined {
  const root = typeof appRoot === 'string' ? toComparable(appRoot).replace(/\/+$/, '') : '';
  return (filename) => {
    if (typeof filename !== 'string' || !isAbsolutePath(filename)) return undefined;
    const path = toComparable(filename);
    const nodeModules = path.lastIndexOf(NODE_MODULES);
    let relative: string;
    if (nodeModules !== -1) relative = path.slice(nodeModules + NODE_MODULES.length);
    else if (root && path.startsWith(`${root}/`)) relative = path.slice(root.length + 1);
    else relative = path.slice(path.lastIndexOf('/') + 1);
    return toModuleName(relative);
  };
}

function toModuleName(relative: string): string | undefined {
  const segments = relative.split('/').filter(Boolean);
  const file = segments.pop();
  if (!file) return undefined;
  const dot = file.lastIndexOf('.');
  const base = dot > 0 ? file.slice(0, dot) : file;
  return segments.length ? `${segments.join('.')}:${base}` : base;
}
