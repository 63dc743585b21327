// The sections of a bench run, each measuring both SDKs and returning its part of RESULTS.md.
export { runBrowser } from './browser';
export { runHttp } from './http';
export { runMemory } from './memory';
export { runMicro } from './micro';
export { runProfiling } from './profiling';
export { runSize } from './size';
export { runStartup } from './startup';
