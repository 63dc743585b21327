import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import * as os from 'node:os';

/** The `os` context (protocol.md §5.7). */
export interface OsContext {
  name: string;
  version?: string;
  build?: string;
  kernel_version?: string;
}

/**
 * The operating system: on Linux the distribution from `/etc/os-release`, on macOS the product
 * version from `sw_vers`, on Windows the release number; always the kernel version. Never rejects.
 */
export async function getOsContext(): Promise<OsContext> {
  const kernel = os.release();
  switch (os.platform()) {
    case 'linux':
      return { ...(await readLinuxDistribution()), kernel_version: kernel };
    case 'darwin':
      return { name: 'macOS', ...(await readMacVersion()), kernel_version: kernel };
    case 'win32':
      return { name: 'Windows', version: kernel, kernel_version: kernel };
    default:
      return { name: os.type(), kernel_version: kernel };
  }
}

async function readLinuxDistribution(): Promise<{ name: string; version?: string }> {
  for (const file of ['/etc/os-release', '/usr/lib/os-release']) {
    try {
      const fields = parseOsRelease(await readFile(file, 'utf8'));
      const name = fields['NAME'] ?? 'Linux';
      const version = fields['VERSION_ID'];
      return version ? { name, version } : { name };
    } catch {
      // try the next location
    }
  }
  return { name: 'Linux' };
}

/** `KEY=value` lines of os-release(5), quotes removed. */
export function parseOsRelease(text: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const match = /^([A-Z_]+)=(.*)$/.exec(line.trim());
    if (match) fields[match[1]!] = match[2]!.replace(/^(["'])(.*)\1$/, '$2');
  }
  return fields;
}

function readMacVersion(): Promise<{ version?: string; build?: string }> {
  return new Promise((resolve) => {
    const child = execFile('sw_vers', { timeout: 2000 }, (error, stdout) => {
      if (error) return resolve({});
      const version = /ProductVersion:\s*(\S+)/.exec(stdout)?.[1];
      const build = /BuildVersion:\s*(\S+)/.exec(stdout)?.[1];
      resolve({ ...(version ? { version } : {}), ...(build ? { build } : {}) });
    });
    child.unref();
  });
}
