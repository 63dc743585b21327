/**
 * The user an event concerns. Keys beyond the protocol's are accepted here and moved under
 * `data` on the wire, as Relay's schema requires.
 */
export interface User {
  id?: string | number;
  email?: string;
  username?: string;
  ip_address?: string;
  name?: string;
  geo?: { city?: string; country_code?: string; region?: string; subdivision?: string };
  data?: Record<string, unknown>;
  [key: string]: unknown;
}
