/* global window, location, indexedDB, Sentry */
const params = new URLSearchParams(location.search);
const DB = 'e2e-offline';
Sentry.init({
  dsn: params.get('dsn'),
  transport: Sentry.makeBrowserOfflineTransport(),
  // the first visit must not retry before the reload; the second sends what it finds soon
  transportOptions: { dbName: DB, maxQueueSize: 5, minRetryDelay: Number(params.get('retry') ?? 60000) },
});

window.capture = (message) => Sentry.captureMessage(message);

// How many envelopes the store holds now.
window.storedCount = () =>
  new Promise((resolve, reject) => {
    const open = indexedDB.open(DB);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains('queue')) {
        // an open connection would hold up the SDK's upgrade that adds its store
        db.close();
        return resolve(0);
      }
      const count = db.transaction('queue').objectStore('queue').count();
      count.onsuccess = () => {
        resolve(count.result);
        db.close();
      };
    };
  });
