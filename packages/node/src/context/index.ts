export { getCloudResourceContext, type CloudResourceContext } from './get-cloud-resource-context';
export { getOsContext, parseOsRelease, type OsContext } from './get-os-context';
export {
  getAppStartTime,
  getCultureContext,
  getDeviceContext,
  type StaticDeviceContext,
} from './get-runtime-contexts';
