// TextEncoder/TextDecoder exist in every runtime core targets (browsers, workers, Node, edge), but
// core compiles without DOM or Node types, so they are reached through this typed view.
interface Utf8Globals {
  TextEncoder: new () => { encode(text: string): Uint8Array };
  TextDecoder: new (label?: string, options?: { fatal?: boolean }) => { decode(bytes: Uint8Array): string };
}

const globals = globalThis as unknown as Utf8Globals;
let encoder: { encode(text: string): Uint8Array } | undefined;
let decoder: { decode(bytes: Uint8Array): string } | undefined;

/** UTF-8 bytes of a string. */
export function encodeUtf8(text: string): Uint8Array {
  encoder ??= new globals.TextEncoder();
  return encoder.encode(text);
}

/** The string that UTF-8 bytes spell (invalid sequences become U+FFFD). */
export function decodeUtf8(bytes: Uint8Array): string {
  decoder ??= new globals.TextDecoder('utf-8');
  return decoder.decode(bytes);
}
