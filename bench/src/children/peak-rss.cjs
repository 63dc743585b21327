'use strict';
// Peak resident memory of this process image, in KiB. Linux's VmHWM counts only this image;
// getrusage's maxRSS (process.resourceUsage().maxRSS) also keeps the high-water mark of the parent's
// memory copied at fork, which hides anything smaller than the (larger) bench process.
const { readFileSync } = require('node:fs');

function peakRssKiB() {
  try {
    const match = /^VmHWM:\s*(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (match) return { kib: Number(match[1]), source: 'VmHWM' };
  } catch {
    // not Linux
  }
  return { kib: process.resourceUsage().maxRSS, source: 'maxRSS' };
}

module.exports = { peakRssKiB };
