// One start-up sample (ES module): import the SDK named in argv[2] ("none" for bare node), call
// init({ dsn }), and report at exit the time since process start and the peak RSS (see peak-rss.cjs).
import { writeSync } from 'node:fs';
import rss from './peak-rss.cjs';

const { peakRssKiB } = rss;

const name = process.argv[2];
const dsn = process.argv[3];
const before = performance.now();
if (name !== 'none') {
  const sdk = await import(name);
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
