export { createAsyncLocalStorageStrategy, setNodeAsyncContextStrategy } from './async-local-storage-strategy';
