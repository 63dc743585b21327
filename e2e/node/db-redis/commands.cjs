// The commands both subjects send, given the SDK and the Redis clients each of them loaded its own way.
const REDIS_URL = 'redis://127.0.0.1:6379';

/** Sends ioredis and node-redis commands, pipelines and transactions inside a `redis-e2e` transaction. */
exports.runCommands = async function runCommands(Sentry, Redis, Redis5, createClient, prefix) {
  const seen = {};
  // connected first: their handshakes are no part of the transaction
  const io = new Redis(REDIS_URL, { lazyConnect: true });
  await io.connect();
  const io5 = new Redis5(REDIS_URL, { lazyConnect: true });
  await io5.connect();
  const node = createClient({ url: REDIS_URL });
  await node.connect();
  await Sentry.startSpan({ name: 'redis-e2e', op: 'function' }, async () => {
    await io.set(`${prefix}:io`, 'io-secret');
    seen.ioGet = await io.get(`${prefix}:io`);
    await io.hset(`${prefix}:hash`, 'field', 'hash-secret');
    await io.pipeline().set(`${prefix}:pipe`, 'pipe-secret').get(`${prefix}:pipe`).exec();
    await io.multi().incr(`${prefix}:counter`).exec();
    await io.call('NOSUCHCOMMAND', 'x').catch((error) => (seen.ioFailed = error.message.split(' ')[0]));

    await io5.set(`${prefix}:io5`, 'io5-secret');
    await io5.pipeline().get(`${prefix}:io5`).del(`${prefix}:io5`).exec();
    await io5.call('NOSUCHCOMMAND').catch((error) => (seen.io5Failed = error.message.split(' ')[0]));

    await node.set(`${prefix}:node`, 'node-secret');
    seen.nodeGet = await node.get(`${prefix}:node`);
    await node.mSet([`${prefix}:a`, 'a-secret', `${prefix}:b`, 'b-secret']);
    await node.multi().set(`${prefix}:multi`, 'multi-secret').get(`${prefix}:multi`).exec();
    await node.multi().get(`${prefix}:multi`).incr(`${prefix}:counter`).execAsPipeline();
    await node
      .sendCommand(['NOSUCHCOMMAND'])
      .catch((error) => (seen.nodeFailed = error.message.split(' ')[0]));
  });
  await node.del([
    `${prefix}:io`,
    `${prefix}:hash`,
    `${prefix}:pipe`,
    `${prefix}:counter`,
    `${prefix}:node`,
    `${prefix}:a`,
    `${prefix}:b`,
    `${prefix}:multi`,
  ]);
  Sentry.captureMessage('redis done');
  io.disconnect();
  io5.disconnect();
  await node.quit();
  await Sentry.flush(5000);
  return seen;
};
