'use strict';
// One start-up sample (CommonJS): require the SDK named in argv[2] ("none" for bare node), call
// init({ dsn }), and report at exit the time since process start and the peak RSS (see peak-rss.cjs).
const { writeSync } = require('node:fs');
const { peakRssKiB } = require('./peak-rss.cjs');

const name = process.argv[2];
const dsn = process.argv[3];
const before = performance.now();
if (name !== 'none') {
  const sdk = require(name);
  sdk.init({ dsn });
}
const after = performance.now();

process.on('exit', () => {
  const peak = peakRssKiB();
  const result = {
    sinceStartMs: after,
    importInitMs: after - before,
    peakRssKiB: peak.kib,
    rssSource: peak.source,
  };
  writeSync(1, `BENCH_RESULT ${JSON.stringify(result)}\n`);
});
