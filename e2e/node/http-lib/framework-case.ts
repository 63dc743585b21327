// One framework case: for each app, a fresh ingest server, the downstream service and the app,
// driven by checkApp.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'vitest';
import { startIngestServer, type IngestServer } from '@sentry-sdk/test-utils';
import { checkApp, type AppExpectations } from './check-app';
import { DOWNSTREAM_SCRIPT, startService, type Service } from './services';

/** An app of a case: its subject script (beside the test) and what it must send. */
export interface CaseApp {
  title: string;
  script: string;
  expected: AppExpectations;
}

/** Declares the tests of a framework case whose subjects live in `folder`. */
export function describeFrameworkApps(title: string, folder: string, apps: CaseApp[]): void {
  let ingest: IngestServer;
  let services: Service[] = [];
  beforeEach(async () => {
    ingest = await startIngestServer();
  });
  afterEach(async () => {
    await Promise.all(services.map((service) => service.stop()));
    services = [];
    await ingest.close();
  });

  describe(title, () => {
    for (const app of apps) {
      it(app.title, async () => {
        const downstream = await startService(DOWNSTREAM_SCRIPT, ingest);
        services.push(downstream);
        const subject = await startService(join(folder, app.script), ingest, {
          DOWNSTREAM_URL: downstream.url,
        });
        services.push(subject);
        await checkApp(subject, downstream, ingest, app.expected);
      });
    }
  });
}

/** Routes at the root: `/users/:id`, `/concurrent/:name`, `/boom`. */
export const ROOT_ROUTES = {
  usersRoute: '/users/:id',
  concurrentRoute: '/concurrent/:name',
  boomRoute: '/boom',
};
