/**
 * Node's codes for a connection that could not be made or was lost (the network's fault, not ours), each with the
 * few words start-up errors give for it. One list, so that Discord and Slack treat the same failures alike.
 */
export const NETWORK_REASONS: Readonly<Record<string, string>> = {
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'name lookup failed for now',
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
};

/** The codes of `NETWORK_REASONS`, typed for `z.enum`. */
export const NETWORK_CODES = Object.keys(NETWORK_REASONS) as [string, ...string[]];
