// Makes a bare machine (only Node and npm) ready to build and test: pnpm at the pinned version,
// the workspace's packages, Debian's Chromium, and the local services the suites talk to.
// Uses Node's built-ins only: it runs before anything is installed.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
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

/**
 * The local services the database and queue suites use: how to start each one when it is installed
 * but stopped, the Debian package that installs it, and what the suites need inside it.
 */
const SERVICES = [
  {
    name: 'PostgreSQL',
    port: 5432,
    binary: '/usr/bin/pg_ctlcluster',
    aptPackage: 'postgresql',
    start: [
      'sh',
      '-c',
      'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql | sort -n | tail -1) main start',
    ],
    prepare: preparePostgres,
  },
  {
    name: 'MariaDB',
    port: 3306,
    binary: '/usr/sbin/mariadbd',
    aptPackage: 'mariadb-server',
    before: ['sh', '-c', 'mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld'],
    start: ['start-stop-daemon', '--start', '--oknodo', '--background', '--exec', '/usr/sbin/mariadbd'],
    prepare: prepareMariadb,
  },
  {
    name: 'Redis',
    port: 6379,
    binary: '/usr/bin/redis-server',
    aptPackage: 'redis-server',
    before: ['mkdir', '-p', '/var/lib/redis', '/var/log/redis'],
    start: [
      'redis-server',
      '--daemonize',
      'yes',
      '--bind',
      '127.0.0.1',
      '-::1',
      '--port',
      '6379',
      '--save',
      '',
      '--appendonly',
      'no',
      '--dir',
      '/var/lib/redis',
      '--logfile',
      '/var/log/redis/ci.log',
    ],
  },
  {
    name: 'RabbitMQ',
    port: 5672,
    binary: '/usr/sbin/rabbitmq-server',
    aptPackage: 'rabbitmq-server',
    start: ['rabbitmq-server', '-detached'],
  },
];
// RabbitMQ's Erlang VM takes a while on 2 busy cores
const START_TIMEOUT_S = 90;

function isListening(port) {
  return new Promise((done) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.setTimeout(1000);
    socket.once('connect', () => done(socket.end() && true));
    socket.once('error', () => done(false));
    socket.once('timeout', () => done(socket.destroy() && false));
  });
}

/** Runs a command quietly; true when it exited with 0. Never throws. */
function quietly(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'ignore', timeout: 120_000, ...options });
  return result.status === 0;
}

/** The suites connect over TCP as `postgres` without a password, to the database `test`. */
function preparePostgres() {
  const canConnect = () =>
    quietly('psql', ['-w', '-h', '127.0.0.1', '-U', 'postgres', '-d', 'test', '-c', 'SELECT 1']);
  if (canConnect() || !isRoot) return canConnect();
  const asPostgres = (sql) =>
    quietly('runuser', ['-u', 'postgres', '--', 'psql', '-v', 'ON_ERROR_STOP=1', '-c', sql]);
  const hba = spawnSync('sh', ['-c', 'ls /etc/postgresql/*/main/pg_hba.conf | sort -V | tail -1'], {
    encoding: 'utf8',
  }).stdout.trim();
  if (hba && existsSync(hba)) {
    const current = readFileSync(hba, 'utf8');
    const trust = 'host all postgres 127.0.0.1/32 trust\nhost all postgres ::1/128 trust\n';
    if (!current.startsWith(trust)) writeFileSync(hba, `${trust}${current}`);
    asPostgres('SELECT pg_reload_conf()');
  }
  if (!asPostgres("SELECT 1 FROM pg_database WHERE datname = 'test'") || !canConnect())
    asPostgres('CREATE DATABASE test');
  return canConnect();
}

/** The suites connect over TCP as `root` without a password, to the database `test`. */
function prepareMariadb() {
  const canConnect = () => quietly('mariadb', ['-h', '127.0.0.1', '-uroot', 'test', '-e', 'SELECT 1']);
  if (canConnect() || !isRoot) return canConnect();
  // as the system's root, through the socket (unix_socket authentication)
  quietly('mariadb', [
    '-e',
    "CREATE USER IF NOT EXISTS 'root'@'127.0.0.1' IDENTIFIED BY ''; GRANT ALL ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION; CREATE DATABASE IF NOT EXISTS test;",
  ]);
  return canConnect();
}

let aptUpdated = false;

/** Installs a missing service from Debian's packages (root only); false when it could not. */
function installService(service) {
  if (!isRoot || !commandVersion('apt-get')) return false;
  log(`${service.name} is not installed: apt-get install -y ${service.aptPackage}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!aptUpdated) aptUpdated = quietly('apt-get', ['update', '-qq'], { env, timeout: 300_000 });
  quietly('apt-get', ['install', '-y', '-qq', service.aptPackage], { env, timeout: 600_000 });
  return existsSync(service.binary);
}

async function waitForPort(port, seconds) {
  for (let i = 0; i < seconds; i++) {
    if (await isListening(port)) return true;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  return isListening(port);
}

/**
 * Makes each service listen: starts it when it is installed but stopped, installs it first from
 * Debian's packages when it is missing and this runs as root, then prepares what the suites need
 * (users, database `test`). Never fails the run: a service that cannot start is reported here,
 * and the suites that need it fail saying which service on which port they could not reach.
 */
export async function ensureServices() {
  for (const service of SERVICES) {
    try {
      if (!(await isListening(service.port))) {
        if (!existsSync(service.binary) && !installService(service)) {
          log(
            `${service.name} is not installed and cannot be installed here: its suites will fail to connect`,
          );
          continue;
        }
        log(`starting ${service.name}`);
        if (service.before) quietly(service.before[0], service.before.slice(1));
        quietly(service.start[0], service.start.slice(1));
        if (!(await waitForPort(service.port, START_TIMEOUT_S))) {
          log(`${service.name} did not start listening on ${service.port}`);
          continue;
        }
      }
      if (service.prepare && !service.prepare())
        log(`${service.name} listens, but the suites cannot log in to it`);
    } catch (error) {
      log(`${service.name}: ${error.message}`);
    }
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
