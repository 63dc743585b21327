// Makes a bare machine (only Node and npm) ready to build and test: pnpm at the pinned version,
// the workspace's packages, Debian's Chromium, and the local services the suites talk to.
// Uses Node's built-ins only: it runs before anything is installed.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const TOOLS_DIR = join(REPO_ROOT, '.tools');
const CHROMIUM = '/usr/bin/chromium';
const isRoot = process.getuid?.() === 0;

const log = (message) => console.log(`[ready] ${message}`);

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: REPO_ROOT, ...options });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status}`);
}

function commandVersion(command) {
  try {
    return execFileSync(command, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

/** pnpm at the version `packageManager` pins, installed under .tools/ when the machine lacks it. */
export function ensurePnpm() {
  const pinned = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')).packageManager;
  const version = pinned.replace(/^pnpm@/, '');
  const localBin = join(TOOLS_DIR, 'node_modules', '.bin');
  process.env.PATH = `${localBin}${delimiter}${process.env.PATH}`;
  process.env.COREPACK_ENABLE_STRICT = '0';
  if (commandVersion('pnpm') === version) return;
  log(`installing pnpm ${version} into .tools/`);
  run('npm', ['install', '--prefix', TOOLS_DIR, '--no-save', '--no-package-lock', '--loglevel=error', `pnpm@${version}`]);
  const found = commandVersion('pnpm');
  if (found !== version) throw new Error(`pnpm ${version} was installed but \`pnpm --version\` says ${found}`);
}

export function installPackages() {
  log('pnpm install --frozen-lockfile');
  run('pnpm', ['install', '--frozen-lockfile', '--reporter=append-only']);
}

/** Debian's Chromium for the browser suites; without it they are skipped, and this says why. */
export function ensureChromium() {
  if (existsSync(CHROMIUM)) return true;
  if (!isRoot || !commandVersion('apt-get')) {
    log(`no Chromium at ${CHROMIUM} and no root to install it: browser suites will be skipped`);
    return false;
  }
  log('installing Chromium from Debian (apt-get install -y chromium)');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  try {
    run('apt-get', ['update', '-qq'], { env });
    run('apt-get', ['install', '-y', '-qq', 'chromium'], { env });
  } catch (error) {
    log(`could not install Chromium (${error.message}): browser suites will be skipped`);
  }
  return existsSync(CHROMIUM);
}

/** The local services later suites use, each with the command that starts it when it is installed. */
const SERVICES = [
  { name: 'PostgreSQL', port: 5432, binary: '/usr/bin/pg_ctlcluster', start: ['sh', '-c', 'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start'] },
  { name: 'MariaDB', port: 3306, binary: '/usr/sbin/mariadbd', start: ['start-stop-daemon', '--start', '--oknodo', '--background', '--exec', '/usr/sbin/mariadbd'] },
  { name: 'Redis', port: 6379, binary: '/usr/bin/redis-server', start: ['redis-server', '--daemonize', 'yes', '--bind', '127.0.0.1', '-::1', '--port', '6379', '--save', '', '--appendonly', 'no', '--dir', '/var/lib/redis', '--logfile', '/var/log/redis/ci.log'] },
  { name: 'RabbitMQ', port: 5672, binary: '/usr/sbin/rabbitmq-server', start: ['rabbitmq-server', '-detached'] },
];

function isListening(port) {
  return new Promise((done) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.setTimeout(1000);
    socket.once('connect', () => done(socket.end() && true));
    socket.once('error', () => done(false));
    socket.once('timeout', () => done(socket.destroy() && false));
  });
}

/** Starts each installed service that is not listening; reports the ones that are missing. */
export async function ensureServices() {
  for (const service of SERVICES) {
    if (await isListening(service.port)) continue;
    if (!existsSync(service.binary)) {
      log(`${service.name} is not installed: suites that need it will be skipped`);
      continue;
    }
    log(`starting ${service.name}`);
    const [command, ...args] = service.start;
    spawnSync(command, args, { stdio: 'ignore' });
    for (let i = 0; i < 30 && !(await isListening(service.port)); i++) await new Promise((r) => setTimeout(r, 1000));
    if (!(await isListening(service.port))) log(`${service.name} did not start listening on ${service.port}`);
  }
}

/** Everything a test run needs. */
export async function ready({ browser = true, services = true } = {}) {
  ensurePnpm();
  installPackages();
  if (browser && !ensureChromium()) process.env.SKIP_BROWSER_TESTS = 'no Chromium';
  if (services) await ensureServices();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await ready();
}
