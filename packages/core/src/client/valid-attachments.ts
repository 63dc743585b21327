import { copyArray, debug, DEBUG_BUILD, readProperty } from '../lib';
import type { Attachment } from '../types';

/**
 * The attachments that can go into an envelope: a string `filename` and `data` as a string or
 * bytes. Others (from a hint or a scope, i.e. user code) are reported and left out, so that one bad
 * attachment never costs the event.
 */
export function validAttachments(list: unknown): Attachment[] {
  const valid: Attachment[] = [];
  for (const item of copyArray(list)) {
    const filename = readProperty(item, 'filename');
    const data = readProperty(item, 'data');
    if (
      typeof filename === 'string' &&
      filename &&
      (typeof data === 'string' || data instanceof Uint8Array)
    ) {
      const attachment: Attachment = { filename, data };
      const contentType = readProperty(item, 'contentType');
      const attachmentType = readProperty(item, 'attachmentType');
      if (typeof contentType === 'string') attachment.contentType = contentType;
      if (typeof attachmentType === 'string') attachment.attachmentType = attachmentType;
      valid.push(attachment);
    } else {
      DEBUG_BUILD &&
        debug.warn(
          'An attachment needs a string `filename` and string or Uint8Array `data`; it was left out.',
        );
    }
  }
  return valid;
}
