// Database-free work for the traces: a report built from generated orders, in nested spans, and
// two scheduled jobs with cron check-ins.
const { Sentry, features, log } = require('./instrument.cjs');

/** Builds the sales report: generate, aggregate, render, each in its own span. */
async function buildReport(orderCount) {
  return Sentry.startSpan({ name: 'build sales report', op: 'function' }, async () => {
    const orders = Sentry.startSpan({ name: 'generate orders', op: 'function' }, () =>
      Array.from({ length: orderCount }, (_, index) => ({ id: index, total: ((index * 7919) % 1000) / 10 })),
    );
    await new Promise((done) => setTimeout(done, 5));
    const totals = Sentry.startSpan(
      { name: 'aggregate totals', op: 'function', attributes: { 'orders.count': orders.length } },
      () => {
        let sum = 0;
        for (const order of orders) sum += order.total;
        return { orders: orders.length, revenue: Math.round(sum * 100) / 100 };
      },
    );
    const html = Sentry.startSpan(
      { name: 'render report', op: 'template.render' },
      () => `<h1>${totals.orders} orders, ${totals.revenue}</h1>`,
    );
    log('info', 'Sales report built', totals);
    return { ...totals, bytes: html.length };
  });
}

const JOBS = {
  /** Succeeds: an `in_progress` then an `ok` check-in. */
  'nightly-report': { schedule: { type: 'crontab', value: '0 3 * * *' }, run: () => buildReport(500) },
  /** Fails: an `in_progress` then an `error` check-in, and the error itself. */
  'inventory-sync': {
    schedule: { type: 'interval', value: 15, unit: 'minute' },
    run: async () => {
      await new Promise((done) => setTimeout(done, 5));
      throw new Error('inventory sync: supplier feed returned no rows');
    },
  },
};

/** Runs a scheduled job, checked in to its cron monitor when the SDK has crons. */
async function runJob(name) {
  const job = JOBS[name];
  if (!job) throw new Error(`no job named ${name}`);
  const run = () => job.run();
  try {
    return await (features.crons
      ? Sentry.withMonitor(name, run, { schedule: job.schedule, checkinMargin: 5, maxRuntime: 10 })
      : run());
  } catch (error) {
    Sentry.captureException(error, { tags: { job: name } });
    return { failed: error.message };
  }
}

module.exports = { buildReport, runJob, JOBS };
