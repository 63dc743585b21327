// Prints where a built bundle's bytes come from, by source file or by feature.
//   node tooling/scripts/size-attribution.mjs packages/browser/build/bundles/bundle.min.js [--features] [--top N]
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { attributeBundle } from '../build/size-attribution.mjs';

/** Features the bundles carry beyond capturing an error, each required by an issue or the design. */
const FEATURES = [
  ['scrubbing (on by default)', /\/scrubbing\//],
  [
    'strict event shapers (schema-valid events from any input)',
    /\/event\/(strict-|pick-typed|read-entries|normalize-event)/,
  ],
  ['browser async context (zone-style scopes)', /\/async-context\//],
  ['client-side throttling', /\/throttle\//],
  ['option validation', /\/client\/(option-specs|normalize-options)/],
  ['offline and multiplexed transports', /\/transport\/make-(offline|multiplexed)/],
  ['lazyLoadIntegration and feedback', /(lazy-load|\/feedback\/)/],
  ['error-stack-parser', /(error-stack-parser|stackframe)/],
];

/** A map's source path (relative to the bundle) as a path from the working directory. */
function pathFromHere(bundleFile) {
  return (source) =>
    relative(process.cwd(), resolve(dirname(bundleFile), source)).replace(
      /^.*node_modules\//,
      'node_modules/',
    );
}

function featureOf(source) {
  return FEATURES.find(([, pattern]) => pattern.test(source))?.[0] ?? 'everything else';
}

function main(argv) {
  const file = argv.find((arg) => !arg.startsWith('--') && !/^\d+$/.test(arg));
  if (!file) {
    console.error('usage: size-attribution.mjs <bundle.min.js> [--features] [--top N]');
    return 2;
  }
  const top = Number(argv[argv.indexOf('--top') + 1]) || Infinity;
  const groupOf = argv.includes('--features') ? featureOf : pathFromHere(file);
  const { total, rows } = attributeBundle(
    readFileSync(file, 'utf8'),
    readFileSync(`${file}.map`, 'utf8'),
    groupOf,
  );
  console.log(
    `${file}: ${total.raw} B raw, ${total.gzip} B gzip (each row's gzip is its raw share of the whole)`,
  );
  console.log('| source | raw B | gzip share B |\n| --- | --- | --- |');
  for (const row of rows.slice(0, top)) console.log(`| ${row.name} | ${row.raw} | ${row.gzip} |`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
