export { createTunnelHandler, type TunnelHandler, type TunnelHandlerOptions } from './create-tunnel-handler';
