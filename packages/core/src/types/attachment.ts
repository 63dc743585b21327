/** A file sent in the same envelope as its event. */
export interface Attachment {
  filename: string;
  data: string | Uint8Array;
  contentType?: string;
  attachmentType?: string;
}
