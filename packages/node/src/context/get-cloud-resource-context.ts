type Env = Record<string, string | undefined>;

/** The `cloud_resource` context (OpenTelemetry's `cloud.*` and `host.*` names), protocol.md §5.7. */
export type CloudResourceContext = Record<string, string>;

interface Provider {
  /** True when the variables say the process runs there. */
  detect(env: Env): boolean;
  provider: string;
  platform?: string;
  /** Context keys and the variables that fill them, first present one wins. */
  fields: Record<string, string[]>;
}

// Order matters: more specific platforms of a provider come before its generic ones.
const PROVIDERS: Provider[] = [
  {
    detect: (env) => !!env['AWS_LAMBDA_FUNCTION_NAME'],
    provider: 'aws',
    platform: 'aws_lambda',
    fields: { 'cloud.region': ['AWS_REGION', 'AWS_DEFAULT_REGION'] },
  },
  {
    detect: (env) => !!(env['ECS_CONTAINER_METADATA_URI_V4'] || env['ECS_CONTAINER_METADATA_URI']),
    provider: 'aws',
    platform: 'aws_ecs',
    fields: { 'cloud.region': ['AWS_REGION', 'AWS_DEFAULT_REGION'] },
  },
  {
    detect: (env) => !!env['AWS_EXECUTION_ENV']?.startsWith('AWS_ECS'),
    provider: 'aws',
    platform: 'aws_ecs',
    fields: { 'cloud.region': ['AWS_REGION', 'AWS_DEFAULT_REGION'] },
  },
  {
    detect: (env) => !!env['FUNCTION_TARGET'] && !!env['K_SERVICE'],
    provider: 'gcp',
    platform: 'gcp_cloud_functions',
    fields: {
      'cloud.region': ['FUNCTION_REGION', 'GOOGLE_CLOUD_REGION'],
      'cloud.account.id': ['GOOGLE_CLOUD_PROJECT', 'GCP_PROJECT'],
    },
  },
  {
    detect: (env) => !!env['K_SERVICE'] && !!env['K_REVISION'],
    provider: 'gcp',
    platform: 'gcp_cloud_run',
    fields: {
      'cloud.region': ['GOOGLE_CLOUD_REGION', 'CLOUD_RUN_REGION'],
      'cloud.account.id': ['GOOGLE_CLOUD_PROJECT'],
    },
  },
  {
    detect: (env) => !!env['GAE_SERVICE'],
    provider: 'gcp',
    platform: 'gcp_app_engine',
    fields: { 'cloud.account.id': ['GOOGLE_CLOUD_PROJECT'], 'host.id': ['GAE_INSTANCE'] },
  },
  {
    detect: (env) => !!env['FUNCTIONS_WORKER_RUNTIME'] && !!env['WEBSITE_SITE_NAME'],
    provider: 'azure',
    platform: 'azure_functions',
    fields: { 'cloud.region': ['REGION_NAME'], 'host.id': ['WEBSITE_INSTANCE_ID'] },
  },
  {
    detect: (env) => !!env['CONTAINER_APP_NAME'],
    provider: 'azure',
    platform: 'azure_container_apps',
    fields: { 'cloud.region': ['REGION_NAME'], 'host.id': ['CONTAINER_APP_REPLICA_NAME'] },
  },
  {
    detect: (env) => !!env['WEBSITE_SITE_NAME'],
    provider: 'azure',
    platform: 'azure_app_service',
    fields: { 'cloud.region': ['REGION_NAME'], 'host.id': ['WEBSITE_INSTANCE_ID'] },
  },
  { detect: (env) => !!env['VERCEL'], provider: 'vercel', fields: { 'cloud.region': ['VERCEL_REGION'] } },
  { detect: (env) => !!env['NETLIFY'], provider: 'netlify', fields: {} },
  {
    detect: (env) => !!env['FLY_APP_NAME'],
    provider: 'fly',
    fields: { 'cloud.region': ['FLY_REGION'], 'host.id': ['FLY_MACHINE_ID', 'FLY_ALLOC_ID'] },
  },
  { detect: (env) => !!env['RENDER'], provider: 'render', fields: { 'host.id': ['RENDER_INSTANCE_ID'] } },
  {
    detect: (env) => !!env['RAILWAY_ENVIRONMENT'],
    provider: 'railway',
    fields: { 'cloud.region': ['RAILWAY_REPLICA_REGION'] },
  },
  { detect: (env) => !!env['DYNO'], provider: 'heroku', fields: { 'host.id': ['HEROKU_DYNO_ID'] } },
  {
    detect: (env) => !!env['ALIBABA_CLOUD_REGION_ID'],
    provider: 'alibaba_cloud',
    fields: { 'cloud.region': ['ALIBABA_CLOUD_REGION_ID'] },
  },
];

/**
 * Where the process runs, from the environment variables each platform sets: AWS (Lambda, ECS),
 * Google Cloud (Cloud Functions, Cloud Run, App Engine), Azure (Functions, Container Apps, App
 * Service), Vercel, Netlify, Fly.io, Render, Railway, Heroku, Alibaba Cloud. Undefined elsewhere.
 */
export function getCloudResourceContext(env: Env = process.env): CloudResourceContext | undefined {
  const match = PROVIDERS.find((candidate) => candidate.detect(env));
  if (!match) return undefined;
  const context: CloudResourceContext = { 'cloud.provider': match.provider };
  if (match.platform) context['cloud.platform'] = match.platform;
  for (const [key, names] of Object.entries(match.fields)) {
    const value = names.map((name) => env[name]).find((candidate) => !!candidate);
    if (value) context[key] = value;
  }
  return context;
}
