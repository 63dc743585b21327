/** The HTTP request an event happened in (protocol.md §5.6). */
export interface RequestData {
  url?: string;
  method?: string;
  query_string?: string | Record<string, string>;
  headers?: Record<string, string>;
  cookies?: Record<string, string>;
  data?: unknown;
  env?: Record<string, string>;
  fragment?: string;
}
