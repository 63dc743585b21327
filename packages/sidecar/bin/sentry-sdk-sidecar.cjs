#!/usr/bin/env node
// The `sentry-sdk-sidecar` command (and `npx @sentry-sdk/sidecar`): the CLI lives in the build.
'use strict';
const { runCli } = require('../build/cjs/cli/index.js');

runCli(process.argv.slice(2)).then(
  (code) => {
    if (typeof code === 'number') process.exitCode = code;
  },
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
