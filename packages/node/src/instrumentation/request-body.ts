/** How much of an incoming request body to keep (only with `sendDefaultPii`). */
export type RequestBodySize = 'none' | 'small' | 'medium' | 'always';

/** Bytes kept per size: `always` still stops at 1 MiB so one upload cannot hold the process's memory. */
const LIMITS: Readonly<Record<RequestBodySize, number>> = {
  none: 0,
  small: 1_000,
  medium: 10_000,
  always: 1_048_576,
};

// Bodies people read as text; uploads (multipart, images, archives) are left out whatever the size.
const TEXT_TYPE =
  /^(text\/|application\/([\w.+-]*\+)?(json|xml|x-www-form-urlencoded|graphql|javascript)\b)/i;

/** The byte limit for a `maxIncomingRequestBodySize` value (unknown values: `medium`). */
export function getBodyLimit(size: unknown): number {
  return typeof size === 'string' && size in LIMITS ? LIMITS[size as RequestBodySize] : LIMITS.medium;
}

/** Whether a body of this content type is kept (no content type: yes, as text). */
export function isTextBody(contentType: string | undefined): boolean {
  return contentType === undefined || TEXT_TYPE.test(contentType.trim());
}

/** Collects the chunks an app reads from a request, up to `limit` bytes. */
export interface BodyCollector {
  add(chunk: unknown): void;
  /** The body as text (`...` marks a cut), or undefined when nothing was read. */
  read(): string | undefined;
}

/** A collector of at most `limit` bytes; it copies what it keeps and never touches the stream. */
export function createBodyCollector(limit: number): BodyCollector {
  const chunks: Buffer[] = [];
  let size = 0;
  let truncated = false;
  return {
    add(chunk) {
      if (size >= limit) {
        truncated = true;
        return;
      }
      const buffer =
        typeof chunk === 'string'
          ? Buffer.from(chunk)
          : chunk instanceof Uint8Array
            ? Buffer.from(chunk)
            : undefined;
      if (!buffer) return;
      const kept = buffer.length > limit - size ? buffer.subarray(0, limit - size) : buffer;
      if (kept.length < buffer.length) truncated = true;
      chunks.push(Buffer.from(kept));
      size += kept.length;
    },
    read() {
      if (chunks.length === 0) return undefined;
      const text = Buffer.concat(chunks).toString('utf8');
      return truncated ? `${text}...` : text;
    },
  };
}
