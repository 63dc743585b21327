// The entrance the demo command and the sidecar's e2e test use.
const { driveBrowserTraffic, driveHttpTraffic, HTTP_STEPS } = require('./drive-traffic.cjs');
const { flushExample, startExample, startExamples, stopExample, waitUntilQuiet } = require('./start-examples.cjs');

module.exports = {
  driveBrowserTraffic,
  driveHttpTraffic,
  HTTP_STEPS,
  flushExample,
  startExample,
  startExamples,
  stopExample,
  waitUntilQuiet,
};
