function throwBeforeTheBundle() {
  throw new Error('thrown before the loader fetched the bundle, under a strict CSP');
}
throwBeforeTheBundle();
