// An ES module app whose top-level code throws while it loads its configuration.
import './instrument.mjs';
import { loadConfig } from './lib/config.mjs';

await new Promise((resolve) => setTimeout(resolve, 5));
loadConfig({ port: 'eighty' });
