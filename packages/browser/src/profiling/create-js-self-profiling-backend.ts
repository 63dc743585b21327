import {
  DEBUG_BUILD,
  debug,
  type ProfilerBackend,
  type ProfilerEnvironment,
  type RawProfile,
} from '@sentry-sdk/core/internal';
import { convertJsProfile } from './convert-js-profile';
import { getJsProfilerConstructor, type JsProfiler } from './js-self-profiling';

/** The profiler's settings: ms between samples, and samples kept at most. */
export interface JsProfilerSettings {
  sampleInterval: number;
  maxBufferSize: number;
}

/**
 * A backend on the JS Self-Profiling API (Chromium; the document needs the response header
 * `Document-Policy: js-profiling`). A profiler cannot hand over samples and go on, so a collection
 * starts a new one before stopping the old.
 */
export function createJsSelfProfilingBackend(settings: JsProfilerSettings): ProfilerBackend {
  let current: JsProfiler | undefined;
  let explained = false;

  const startOne = (): JsProfiler | undefined => {
    const Profiler = getJsProfilerConstructor();
    if (!Profiler) {
      if (!explained)
        DEBUG_BUILD &&
          debug.log(
            'browserProfilingIntegration: this browser has no JS Self-Profiling API (window.Profiler); nothing is profiled.',
          );
      explained = true;
      return undefined;
    }
    try {
      return new Profiler({ sampleInterval: settings.sampleInterval, maxBufferSize: settings.maxBufferSize });
    } catch (error) {
      if (!explained)
        DEBUG_BUILD &&
          debug.log(
            'browserProfilingIntegration: the JS Self-Profiling API refused to start; serve the page with the response header "Document-Policy: js-profiling". Nothing is profiled.',
            error,
          );
      explained = true;
      return undefined;
    }
  };

  const finish = (profiler: JsProfiler | undefined): Promise<RawProfile | undefined> | undefined => {
    if (!profiler) return undefined;
    const timeOrigin = performance.timeOrigin;
    return profiler.stop().then(
      (trace) => convertJsProfile(trace, timeOrigin),
      (error: unknown) => {
        DEBUG_BUILD && debug.warn('browserProfilingIntegration: the profiler failed to stop:', error);
        return undefined;
      },
    );
  };

  return {
    start() {
      current ??= startOne();
      return current !== undefined;
    },
    collect() {
      const previous = current;
      current = startOne();
      return finish(previous);
    },
    stop() {
      const previous = current;
      current = undefined;
      return finish(previous);
    },
    environment: getBrowserEnvironment,
  };
}

interface UserAgentData {
  platform?: string;
  mobile?: boolean;
}

/** The page's runtime: the user agent, its platform and language (protocol.md §11.1). */
export function getBrowserEnvironment(): ProfilerEnvironment {
  const nav = typeof navigator === 'object' ? navigator : undefined;
  const uaData = (nav as { userAgentData?: UserAgentData } | undefined)?.userAgentData;
  return {
    platform: 'javascript',
    threadId: '0',
    threadName: 'main',
    runtime: { name: 'javascript', version: nav?.userAgent ?? '' },
    os: { name: uaData?.platform || nav?.platform || 'unknown', version: '' },
    device: {
      architecture: 'unknown',
      is_emulator: false,
      ...(nav?.language && { locale: nav.language }),
    },
  };
}
