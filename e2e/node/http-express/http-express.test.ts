import { describeFrameworkApps, ROOT_ROUTES } from '../http-lib/framework-case';

const mechanism = 'auto.http.express.middleware';

describeFrameworkApps('Express apps instrumented by init alone', import.meta.dirname, [
  {
    title:
      'express 4, CommonJS: route names, a trace across services, isolated concurrent requests, the error route',
    script: 'app.cjs',
    expected: { ...ROOT_ROUTES, mechanism, boom: 'boom from express 4' },
  },
  {
    title: 'express 5, ES modules: the same, with fetch to the downstream service',
    script: 'app.mjs',
    expected: { ...ROOT_ROUTES, mechanism, boom: 'boom from express 5' },
  },
]);
