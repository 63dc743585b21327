/* global XMLHttpRequest */
// A synchronous XMLHttpRequest on the main thread: Chromium files a deprecation report.
const request = new XMLHttpRequest();
request.open('GET', '/data.json', false);
request.send();
