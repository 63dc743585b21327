// The README's test command: readies the machine, then lint, typecheck, build (with size budgets),
// unit tests and end-to-end tests, and ends with one line `N passed, M failed` over every suite.
// Each check (lint, typecheck, build) counts as one; each test case counts as one.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ready, REPO_ROOT } from './ready.mjs';

const OUT_DIR = join(REPO_ROOT, 'test-results');
const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];
const failedTests = [];

function step(title, command, args) {
  console.log(`\n=== ${title}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: REPO_ROOT, env: process.env });
  console.log(`=== ${title}: ${result.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return result.status === 0;
}

function check(title, command, args) {
  if (step(title, command, args)) totals.passed += 1;
  else {
    totals.failed += 1;
    failures.push(title);
  }
}

/** Runs a vitest project and adds its test cases to the totals (read from its JSON report). */
function vitestSuite(project) {
  const report = join(OUT_DIR, `${project}.json`);
  rmSync(report, { force: true });
  const ok = step(`${project} tests`, 'pnpm', [
    'exec', 'vitest', 'run', '--project', project,
    '--reporter=default', '--reporter=json', `--outputFile.json=${report}`,
  ]);
  let counts;
  try {
    const json = JSON.parse(readFileSync(report, 'utf8'));
    counts = { passed: json.numPassedTests, failed: json.numFailedTests, skipped: json.numPendingTests + json.numTodoTests };
    if (json.numFailedTestSuites > 0) counts.failed += json.numFailedTestSuites;
    failedTests.push(...listFailedTests(json));
  } catch {
    counts = { passed: 0, failed: 1, skipped: 0 };
  }
  if (!ok && counts.failed === 0) counts.failed = 1;
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.skipped += counts.skipped;
  if (counts.failed > 0) failures.push(`${project} tests`);
}

/** `file > test name` for every failed test (and every file that failed to load) in a vitest JSON report. */
function listFailedTests(json) {
  const names = [];
  for (const file of json.testResults ?? []) {
    const path = String(file.name ?? '').replace(`${REPO_ROOT}/`, '');
    const failed = (file.assertionResults ?? []).filter((test) => test.status === 'failed');
    for (const test of failed) names.push(`${path} > ${test.fullName ?? test.title}`);
    if (file.status === 'failed' && failed.length === 0) names.push(`${path}: ${String(file.message ?? 'failed to run').split('\n')[0]}`);
  }
  return names;
}

const started = Date.now();
mkdirSync(OUT_DIR, { recursive: true });
try {
  await ready();
} catch (error) {
  console.error(`[ready] ${error.message}`);
  console.log('\n0 passed, 1 failed');
  process.exit(1);
}

// Build first: type-aware lint of the e2e tests reads the packages' built type declarations.
check('build', 'pnpm', ['exec', 'turbo', 'run', 'build', '--output-logs=errors-only']);
check('lint', 'pnpm', ['run', 'lint']);
check('typecheck', 'pnpm', ['run', 'typecheck']);
vitestSuite('unit');
vitestSuite('e2e');

if (failedTests.length > 0) {
  console.log(`\nfailed tests (${failedTests.length}):`);
  for (const name of failedTests.slice(0, 50)) console.log(`  ✗ ${name}`);
  if (failedTests.length > 50) console.log(`  … and ${failedTests.length - 50} more`);
}
const minutes = ((Date.now() - started) / 60000).toFixed(1);
console.log(`\nfinished in ${minutes} min${failures.length ? `; failed: ${failures.join(', ')}` : ''}`);
if (totals.skipped) console.log(`${totals.skipped} skipped`);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed === 0 ? 0 : 1);
