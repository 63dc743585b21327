export { browserStackParser, defaultStackParser } from './browser-stack-parser';
export { isBrowserExtensionUrl, isInAppFilename, markSdkScript } from './frame-in-app';
