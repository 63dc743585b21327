import { Client, SDK_VERSION, type ClientOptions, type Event } from '@sentry-sdk/core';
import { copyOwnEntries } from '@sentry-sdk/core/internal';
import { onPageHide } from '../transport';

/** The SDK's name on every event and envelope; the `sentry` entity is reserved for official SDKs (protocol.md §5.1). */
export const BROWSER_SDK_NAME = 'oss.javascript.browser';

/** What BrowserClient takes: client options whose sdk and platform it fills in itself when missing. */
export type BrowserClientOptions = Omit<ClientOptions, 'sdk' | 'platform'> &
  Partial<Pick<ClientOptions, 'sdk' | 'platform'>>;

function addSdkSettings(event: Event, sendDefaultPii: boolean | undefined): void {
  if (!event.sdk) return;
  // Without sendDefaultPii Relay must not infer the user's IP from the connection (protocol.md §15).
  event.sdk.settings = { infer_ip: sendDefaultPii === true ? 'auto' : 'never', ...event.sdk.settings };
}

/**
 * The client of the browser SDK: platform `javascript`, the SDK identified as
 * `oss.javascript.browser`, `sdk.settings.infer_ip` set from `sendDefaultPii`, and client reports
 * sent when the page hides, since a closing page has no later chance.
 */
export class BrowserClient extends Client {
  public constructor(input: BrowserClientOptions) {
    // read once, guarded: the constructor is public API and may be handed anything
    const options = copyOwnEntries<BrowserClientOptions>(input);
    super({
      ...options,
      platform: options.platform ?? 'javascript',
      sdk: options.sdk ?? {
        name: BROWSER_SDK_NAME,
        version: SDK_VERSION,
        packages: [{ name: 'npm:@sentry-sdk/browser', version: SDK_VERSION }],
      },
    });
    const sendDefaultPii = this.getOptions().sendDefaultPii;
    this.on('preprocessEvent', (event) => addSdkSettings(event, sendDefaultPii));
    if (this.isEnabled() && this.getOptions().sendClientReports !== false) {
      // Client reports go out on the client's `flush` hook; a hiding page may never come back.
      onPageHide(() => this.emit('flush'));
    }
  }
}
