import { describe, expect, it } from 'vitest';
import { getCloudResourceContext } from './get-cloud-resource-context';

describe('getCloudResourceContext', () => {
  it.each([
    [
      { AWS_LAMBDA_FUNCTION_NAME: 'fn', AWS_REGION: 'eu-west-1' },
      { 'cloud.provider': 'aws', 'cloud.platform': 'aws_lambda', 'cloud.region': 'eu-west-1' },
    ],
    [
      { ECS_CONTAINER_METADATA_URI_V4: 'http://169.254.170.2/v4/x', AWS_DEFAULT_REGION: 'us-east-2' },
      { 'cloud.provider': 'aws', 'cloud.platform': 'aws_ecs', 'cloud.region': 'us-east-2' },
    ],
    [
      { K_SERVICE: 'api', K_REVISION: 'api-00001', GOOGLE_CLOUD_PROJECT: 'proj' },
      { 'cloud.provider': 'gcp', 'cloud.platform': 'gcp_cloud_run', 'cloud.account.id': 'proj' },
    ],
    [
      { K_SERVICE: 'fn', K_REVISION: 'fn-1', FUNCTION_TARGET: 'handler', FUNCTION_REGION: 'europe-west3' },
      { 'cloud.provider': 'gcp', 'cloud.platform': 'gcp_cloud_functions', 'cloud.region': 'europe-west3' },
    ],
    [
      { GAE_SERVICE: 'default', GAE_INSTANCE: 'i-1' },
      { 'cloud.provider': 'gcp', 'cloud.platform': 'gcp_app_engine', 'host.id': 'i-1' },
    ],
    [
      { FUNCTIONS_WORKER_RUNTIME: 'node', WEBSITE_SITE_NAME: 'fnapp', REGION_NAME: 'West Europe' },
      { 'cloud.provider': 'azure', 'cloud.platform': 'azure_functions', 'cloud.region': 'West Europe' },
    ],
    [
      { WEBSITE_SITE_NAME: 'web', WEBSITE_INSTANCE_ID: 'abc' },
      { 'cloud.provider': 'azure', 'cloud.platform': 'azure_app_service', 'host.id': 'abc' },
    ],
    [
      { VERCEL: '1', VERCEL_REGION: 'fra1' },
      { 'cloud.provider': 'vercel', 'cloud.region': 'fra1' },
    ],
    [
      { FLY_APP_NAME: 'app', FLY_REGION: 'ams', FLY_MACHINE_ID: 'm1' },
      { 'cloud.provider': 'fly', 'cloud.region': 'ams', 'host.id': 'm1' },
    ],
    [{ DYNO: 'web.1' }, { 'cloud.provider': 'heroku' }],
  ])('recognises %o', (env, expected) => {
    expect(getCloudResourceContext(env)).toEqual(expected);
  });

  it('says nothing outside a known platform', () => {
    expect(getCloudResourceContext({ HOME: '/root', PATH: '/usr/bin' })).toBeUndefined();
  });
});
