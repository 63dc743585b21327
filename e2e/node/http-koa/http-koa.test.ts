import { describeFrameworkApps, ROOT_ROUTES } from '../http-lib/framework-case';

const mechanism = 'auto.http.koa';

describeFrameworkApps('Koa apps instrumented by init alone', import.meta.dirname, [
  {
    title:
      'koa, CommonJS: route names, a trace across services, isolated concurrent requests, the error route',
    script: 'app.cjs',
    expected: { ...ROOT_ROUTES, mechanism, boom: 'boom from koa' },
  },
  {
    title: 'koa, ES modules: the same under a router prefix, with http.request to the downstream service',
    script: 'app.mjs',
    expected: {
      mechanism,
      boom: 'boom from koa',
      prefix: '/v1',
      usersRoute: '/v1/users/:id',
      concurrentRoute: '/v1/concurrent/:name',
      boomRoute: '/v1/boom',
    },
  },
]);
