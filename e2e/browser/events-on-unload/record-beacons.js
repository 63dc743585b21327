// Runs before the SDK loads, so the SDK's unpatched sendBeacon is this recorder. The record lives
// in sessionStorage because the page that called it is gone by the time the test looks.
const sendBeacon = navigator.sendBeacon.bind(navigator);
navigator.sendBeacon = (url, body) => {
  const queued = sendBeacon(url, body);
  const calls = JSON.parse(sessionStorage.getItem('beacons') || '[]');
  calls.push({ queued, bytes: typeof body === 'string' ? body.length : body.byteLength });
  sessionStorage.setItem('beacons', JSON.stringify(calls));
  return queued;
};
