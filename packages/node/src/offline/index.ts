export { createFileOfflineStore, type FileOfflineStoreOptions } from './create-file-offline-store';
export {
  getDefaultOfflineDir,
  makeNodeOfflineTransport,
  type NodeOfflineTransportOptions,
} from './make-node-offline-transport';
