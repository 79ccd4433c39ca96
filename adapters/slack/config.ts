import { z } from 'zod';
import { ConfigError } from '../../src/errors.js';

/** How the app reaches Slack: a Socket Mode connection (no public URL), or HTTP requests Slack sends to `port`. */
export type SlackConfig =
  | { mode: 'socket'; botToken: string; appToken: string; apiUrl?: string }
  | { mode: 'http'; botToken: string; signingSecret: string; port: number; apiUrl?: string };

/** Where Slack's HTTP requests arrive when `PORT` is not set. */
export const DEFAULT_SLACK_PORT = 3000;

/** An empty variable (`SLACK_APP_TOKEN=` in .env) means "not set", not "set to nothing". */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

// Error texts name the variable and what it should look like; zod never sees a value it could echo back.
const SlackEnv = z.object({
  SLACK_BOT_TOKEN: optional(z.string().startsWith('xoxb-', { error: 'SLACK_BOT_TOKEN must be a bot token starting with "xoxb-" (OAuth & Permissions page)' })),
  SLACK_APP_TOKEN: optional(z.string().startsWith('xapp-', { error: 'SLACK_APP_TOKEN must be an app-level token starting with "xapp-" with the connections:write scope (Basic Information page)' })),
  SLACK_SIGNING_SECRET: optional(z.string().regex(/^[0-9a-f]{16,}$/i, { error: 'SLACK_SIGNING_SECRET must be the hexadecimal signing secret from the Basic Information page' })),
  PORT: optional(z.coerce.number({ error: 'PORT must be a number' }).int({ error: 'PORT must be a whole number' }).min(1, { error: 'PORT must be between 1 and 65535' }).max(65535, { error: 'PORT must be between 1 and 65535' })),
  SLACK_API_URL: optional(z.url({ protocol: /^https?$/, error: 'SLACK_API_URL must be an http(s) URL, e.g. https://slack.com/api/' })
    // fetch refuses a URL with credentials in it, and the errors it throws then quote the whole URL.
    .refine((value) => !URL.canParse(value) || withoutCredentials(new URL(value)), {
      error: 'SLACK_API_URL must not contain a user or password: Node\'s fetch cannot send them; give the proxy its credentials another way',
    })),
});

function withoutCredentials(url: URL): boolean {
  return url.username === '' && url.password === '';
}

/**
 * The Slack settings from an environment, or `undefined` when `SLACK_BOT_TOKEN` is not set (Slack is off).
 * Socket Mode when `SLACK_APP_TOKEN` is set, else HTTP with `SLACK_SIGNING_SECRET` on `PORT` (default 3000).
 * Throws `ConfigError` naming the variable; the message never contains a value.
 */
export function readSlackConfig(env: Record<string, string | undefined>): SlackConfig | undefined {
  const parsed = SlackEnv.safeParse(env);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((issue) => issue.message).join('; '));
  const { SLACK_BOT_TOKEN: botToken, SLACK_APP_TOKEN: appToken, SLACK_SIGNING_SECRET: signingSecret, PORT: port, SLACK_API_URL: apiUrl } = parsed.data;
  if (botToken === undefined) return undefined;
  const api = apiUrl === undefined ? {} : { apiUrl };
  if (appToken !== undefined) return { mode: 'socket', botToken, appToken, ...api };
  if (signingSecret !== undefined) return { mode: 'http', botToken, signingSecret, port: port ?? DEFAULT_SLACK_PORT, ...api };
  throw new ConfigError('SLACK_BOT_TOKEN is set, so Slack needs SLACK_APP_TOKEN (Socket Mode, no public URL) or SLACK_SIGNING_SECRET (HTTP on PORT)');
}
