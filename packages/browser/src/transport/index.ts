export { bodyByteLength } from './body-byte-length';
export { createIndexedDbStore, type IndexedDbStoreOptions } from './create-indexed-db-store';
export { isPageHidden, onPageHide } from './page-lifecycle';
export {
  makeBrowserOfflineTransport,
  type BrowserOfflineTransportOptions,
} from './make-browser-offline-transport';
export { makeFetchTransport, type BrowserTransportOptions } from './make-fetch-transport';
export { makeXhrRequest } from './xhr-request';
