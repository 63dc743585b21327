import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';

const NODE_MODULES = `${sep}node_modules${sep}`;
// How far up from the working directory the app's package.json is looked for.
const MAX_PARENT_DIRECTORIES = 5;

interface PackageJson {
  name?: unknown;
  version?: unknown;
  dependencies?: unknown;
  devDependencies?: unknown;
}

/**
 * Installed packages and their versions: the app's dependencies (its package.json, nearest to
 * `cwd`), with the version installed in node_modules or else the declared range, and every package
 * that CommonJS has loaded (`require.cache`). Never rejects.
 */
export async function collectModules(
  cwd: string = process.cwd(),
  loadedPaths: string[] = getLoadedPaths(),
): Promise<Record<string, string>> {
  const modules: Record<string, string> = {};
  const app = await findAppPackage(cwd);
  if (app) {
    const declared = { ...asStringMap(app.json.devDependencies), ...asStringMap(app.json.dependencies) };
    await Promise.all(
      Object.entries(declared).map(async ([name, range]) => {
        const installed = await readPackage(join(app.dir, 'node_modules', name, 'package.json'));
        modules[name] = typeof installed?.version === 'string' ? installed.version : range;
      }),
    );
  }
  const roots = new Set(loadedPaths.map(getPackageRoot).filter((root): root is string => root !== undefined));
  await Promise.all(
    [...roots].map(async (root) => {
      const json = await readPackage(join(root, 'package.json'));
      if (typeof json?.name === 'string' && typeof json.version === 'string')
        modules[json.name] ??= json.version;
    }),
  );
  return modules;
}

function getLoadedPaths(): string[] {
  try {
    // every require function shares one cache: the CommonJS modules loaded so far
    return Object.keys(createRequire(join(process.cwd(), 'index.js')).cache);
  } catch {
    return [];
  }
}

/** `/app/node_modules/@scope/pkg/lib/x.js` → `/app/node_modules/@scope/pkg`. */
function getPackageRoot(path: string): string | undefined {
  const at = path.lastIndexOf(NODE_MODULES);
  if (at === -1) return undefined;
  const rest = path.slice(at + NODE_MODULES.length).split(sep);
  const depth = rest[0]?.startsWith('@') ? 2 : 1;
  if (rest.length <= depth) return undefined;
  return path.slice(0, at + NODE_MODULES.length) + rest.slice(0, depth).join(sep);
}

async function findAppPackage(cwd: string): Promise<{ dir: string; json: PackageJson } | undefined> {
  let dir = cwd;
  for (let i = 0; i <= MAX_PARENT_DIRECTORIES; i++) {
    const json = await readPackage(join(dir, 'package.json'));
    if (json) return { dir, json };
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return undefined;
}

async function readPackage(path: string): Promise<PackageJson | undefined> {
  try {
    const json: unknown = JSON.parse(await readFile(path, 'utf8'));
    return json !== null && typeof json === 'object' ? json : undefined;
  } catch {
    return undefined;
  }
}

function asStringMap(value: unknown): Record<string, string> {
  if (value === null || typeof value !== 'object') return {};
  return Object.fromEntries(
    Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}
