/** The UTF-8 size of a request body in bytes, without encoding it. */
export function bodyByteLength(body: string | Uint8Array): number {
  if (typeof body !== 'string') return body.byteLength;
  let bytes = 0;
  for (let i = 0; i < body.length; i++) {
    const code = body.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < body.length) {
      // a surrogate pair is one code point of four bytes
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
