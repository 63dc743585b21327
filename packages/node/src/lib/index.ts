export { getNodeSdkInfo, NODE_SDK_NAME } from './sdk-info';
