// A short-lived cron process: runs one monitored job, then ends. EXIT=natural lets the event loop run
// dry (the SDK flushes on beforeExit); EXIT=flush awaits Sentry.flush() before process.exit();
// EXIT=immediate calls process.exit() without flushing. FAIL=1 makes the job throw.
const Sentry = require('@sentry-sdk/node');

Sentry.init({ release: 'jobs@2.0.0', shutdownTimeout: 2000 });

async function nightlyReport() {
  await new Promise((resolve) => setTimeout(resolve, 20));
  if (process.env.FAIL === '1') throw new Error('report source unavailable');
  return 'report ready';
}

async function main() {
  try {
    console.log(
      await Sentry.withMonitor('nightly-report', nightlyReport, {
        schedule: { type: 'crontab', value: '0 3 * * *' },
        maxRuntime: 10,
      }),
    );
  } catch (error) {
    Sentry.captureException(error);
    console.log(`failed: ${error.message}`);
    process.exitCode = 1;
  }
  if (process.env.EXIT === 'flush') {
    await Sentry.flush(2000);
    process.exit(process.exitCode ?? 0);
  }
  if (process.env.EXIT === 'immediate') process.exit(process.exitCode ?? 0);
}

void main();
