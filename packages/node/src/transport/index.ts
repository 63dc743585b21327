export { COMPRESSION_THRESHOLD } from './compress-body';
export { makeNodeTransport, type NodeTransportOptions } from './make-node-transport';
