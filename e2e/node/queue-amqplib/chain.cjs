// Both halves of the request → enqueue → worker → database chain, given the SDK and the modules
// each subject (CommonJS or ES module) loaded its own way.
const AMQP_URL = 'amqp://guest:guest@127.0.0.1:5672';
const PG = { host: '127.0.0.1', port: 5432, user: 'postgres', database: 'test' };

/** An HTTP server whose `GET /enqueue/:id` publishes `{ id }` to the queue. */
exports.startProducer = async function startProducer(Sentry, http, amqplib, queue) {
  const connection = await amqplib.connect(AMQP_URL);
  const channel = await connection.createChannel();
  await channel.assertQueue(queue, { durable: false });
  const server = http.createServer((request, response) => {
    const id = request.url.split('/').pop();
    Sentry.setTag('request', id);
    channel.sendToQueue(queue, Buffer.from(JSON.stringify({ id })), { messageId: `message-${id}` });
    response.end('queued');
  });
  server.listen(0, '127.0.0.1', () => console.log(`listening ${server.address().port}`));
};

/** A consumer that tags its scope, queries PostgreSQL, reports what it did and acks. */
exports.startConsumer = async function startConsumer(Sentry, amqplib, pg, queue) {
  const pool = new pg.Pool(PG);
  const connection = await amqplib.connect(AMQP_URL);
  const channel = await connection.createChannel();
  await channel.assertQueue(queue, { durable: false });
  await channel.consume(queue, async (message) => {
    const { id } = JSON.parse(message.content.toString());
    Sentry.setTag('job', id);
    await pool.query("SELECT $1::text AS id, 'worker-literal' AS tag, 42 AS answer, pg_sleep(0.05)", [id]);
    Sentry.captureMessage(`processed ${id}`);
    channel.ack(message);
  });
  console.log('ready');
};
