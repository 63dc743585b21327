// Both halves of the request → enqueue → worker → database chain, given the SDK and the modules
// each subject (CommonJS or ES module) loaded its own way.
const REDIS = { host: '127.0.0.1', port: 6379 };
const PG = { host: '127.0.0.1', port: 5432, user: 'postgres', database: 'test' };

/** An HTTP server whose `GET /enqueue/:id` adds a job `{ id }` to the queue. */
exports.startProducer = async function startProducer(Sentry, http, bullmq, queueName) {
  const queue = new bullmq.Queue(queueName, { connection: REDIS });
  await queue.waitUntilReady();
  const server = http.createServer((request, response) => {
    const id = request.url.split('/').pop();
    Sentry.setTag('request', id);
    queue.add('report', { id }, { jobId: `job-${id}` }).then(
      () => response.end('queued'),
      (error) => response.writeHead(500).end(String(error)),
    );
  });
  server.listen(0, '127.0.0.1', () => console.log(`listening ${server.address().port}`));
};

/** A worker that tags its scope, queries PostgreSQL and reports what it did; two jobs at a time. */
exports.startConsumer = async function startConsumer(Sentry, bullmq, pg, queueName) {
  const pool = new pg.Pool(PG);
  const worker = new bullmq.Worker(
    queueName,
    async (job) => {
      Sentry.setTag('job', job.data.id);
      await pool.query("SELECT $1::text AS id, 'worker-literal' AS tag, 42 AS answer, pg_sleep(0.05)", [
        job.data.id,
      ]);
      Sentry.captureMessage(`processed ${job.data.id}`);
      if (job.data.id === 'gamma') throw new Error('gamma failed on purpose');
      return 'done';
    },
    { connection: REDIS, concurrency: 2 },
  );
  await worker.waitUntilReady();
  console.log('ready');
};
