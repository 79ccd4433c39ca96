import { z } from 'zod';
import { ConfigError } from '../../src/errors.js';
import { apiAddress, reachAdvice, type PlatformApi } from '../api-address.js';
import { NETWORK_CODES } from '../network-codes.js';

/** The host when DISCORD_API_URL is not set is discord.js's default base, https://discord.com/api. */
const DISCORD_API: PlatformApi = { name: 'Discord', setting: 'DISCORD_API_URL', defaultHost: 'discord.com', statusUrl: 'https://discordstatus.com' };

/**
 * Discord refusing the token: discord.js's `TokenInvalid` when `GET /gateway/bot` answers 401 at login, or a
 * `DiscordAPIError` with status 401 from a REST call such as registering the commands.
 */
const TokenRefused = z.union([z.object({ code: z.literal('TokenInvalid') }), z.object({ status: z.literal(401) })]);

/** Node's codes for a connection that could not be made or was lost, and undici's (discord.js's REST client uses it). */
const NetworkFailure = z.object({ code: z.enum([...NETWORK_CODES, 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_SOCKET']) });

const TOKEN_REFUSED =
  'Discord refused DISCORD_TOKEN (401 Unauthorized): it is mistyped or was reset. Copy a new one from the Developer Portal, your application → Bot → Reset Token.';

/**
 * What a failed login or command registration means for the operator. A refused token or an unreachable Discord
 * becomes a `ConfigError` that names the setting to check (never the token), so that `npm start` and
 * `npm run discord:register` print it alone instead of asking for a bug report; anything else is returned as it is.
 */
export function explainConnectFailure(error: unknown, apiUrl: string | undefined): unknown {
  if (TokenRefused.safeParse(error).success) return new ConfigError(TOKEN_REFUSED);
  const network = NetworkFailure.safeParse(error);
  if (network.success) return new ConfigError(unreachable(network.data.code, apiUrl));
  return error;
}

function unreachable(code: string, apiUrl: string | undefined): string {
  const address = apiAddress(apiUrl, DISCORD_API);
  return `Discord could not be reached at ${address.host} (${code}). ${reachAdvice(address, DISCORD_API)}`;
}
