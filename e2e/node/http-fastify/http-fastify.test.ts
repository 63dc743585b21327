import { describeFrameworkApps, ROOT_ROUTES } from '../http-lib/framework-case';

const mechanism = 'auto.http.fastify';

describeFrameworkApps('Fastify apps instrumented by init alone', import.meta.dirname, [
  {
    title:
      'fastify 5, CommonJS: route names, a trace across services, isolated concurrent requests, the error route',
    script: 'app.cjs',
    expected: { ...ROOT_ROUTES, mechanism, boom: 'boom from fastify 5' },
  },
  {
    title: 'fastify 4, ES modules: the same, with node:http named imports to the downstream service',
    script: 'app.mjs',
    expected: { ...ROOT_ROUTES, mechanism, boom: 'boom from fastify 4' },
  },
]);
