export {
  DEFAULT_DATA_DIR,
  DEFAULT_MAX_ENVELOPE_BYTES,
  DEFAULT_MAX_EVENT_BYTES,
  DEFAULT_SIDECAR_HOST,
  DEFAULT_SIDECAR_PORT,
  startSidecar,
  type Sidecar,
  type SidecarOptions,
} from './start-sidecar';
