import { ConfigError } from '../../src/errors.js';
import { slackErrorCode } from './error-code.js';

/** The two Slack tokens paperbot holds, by the variable they come from. */
export type SlackTokenVariable = 'SLACK_BOT_TOKEN' | 'SLACK_APP_TOKEN';

/**
 * Slack error codes that refuse the token itself: trying again cannot help until someone changes the token.
 * `missing_scope` and `not_allowed_token_type` count only where the call is one every token of that kind must be
 * able to make (`auth.test`, `apps.connections.open`); elsewhere a missing scope is that one feature's problem.
 * (@slack/socket-mode 3.1.0 stops only on the first five of these, `UnrecoverableSocketModeStartError`.)
 */
const REFUSALS: Record<string, 'wrong' | 'revoked' | 'inactive' | 'scope' | 'type'> = {
  invalid_auth: 'wrong',
  not_authed: 'wrong',
  account_inactive: 'inactive',
  user_removed_from_team: 'inactive',
  team_disabled: 'inactive',
  token_revoked: 'revoked',
  token_expired: 'revoked',
  missing_scope: 'scope',
  not_allowed_token_type: 'type',
};

/** What each token is and where it is found, for the advice. */
const TOKENS: Record<SlackTokenVariable, { is: string; from: string; scope: string }> = {
  SLACK_BOT_TOKEN: { is: 'the Bot User OAuth Token (xoxb-…)', from: 'OAuth & Permissions', scope: 'the bot scopes in adapters/slack/manifest.json' },
  SLACK_APP_TOKEN: { is: 'an app-level token (xapp-…) of the same app', from: 'Basic Information → App-Level Tokens', scope: 'the connections:write scope, with Socket Mode enabled' },
};

/**
 * Slack refused one of paperbot's tokens. The message names the variable, the Slack error code and what to check;
 * it never contains the token. A `ConfigError`, so `npm start` prints the message alone and exits with code 1.
 */
export class SlackCredentialsError extends ConfigError {
  constructor(
    readonly variable: SlackTokenVariable,
    readonly slackError: string,
  ) {
    super(advice(variable, slackError));
  }
}

/** A `SlackCredentialsError` when `error` is Slack refusing the token in `variable`, else `undefined`. */
export function credentialsError(error: unknown, variable: SlackTokenVariable): SlackCredentialsError | undefined {
  if (error instanceof SlackCredentialsError) return error;
  const code = slackErrorCode(error);
  return code !== undefined && code in REFUSALS ? new SlackCredentialsError(variable, code) : undefined;
}

/**
 * A `SlackCredentialsError` when `error`, from any call, says the token itself is no good (wrong, revoked, or its
 * workspace or user gone), else `undefined`. Unlike `credentialsError`, a missing scope does not count: on an
 * ordinary call it is that one feature's problem.
 */
export function tokenRefused(error: unknown, variable: SlackTokenVariable): SlackCredentialsError | undefined {
  const refused = credentialsError(error, variable);
  const kind = refused && REFUSALS[refused.slackError];
  return kind === 'scope' || kind === 'type' ? undefined : refused;
}

function advice(variable: SlackTokenVariable, code: string): string {
  const token = TOKENS[variable];
  const setNew = `and set ${variable} to it`;
  switch (REFUSALS[code]) {
    case 'revoked':
      return `Slack says ${variable} has been revoked (${code}). Create a new one, ${token.is} from ${token.from} (reinstall the app if it was removed), ${setNew}.`;
    case 'inactive':
      return `Slack says ${variable} belongs to a deactivated app, bot or workspace (${code}). Check that the app is still installed and the workspace active, then copy ${token.is} from ${token.from} ${setNew}.`;
    case 'scope':
      return `Slack says ${variable} lacks a scope it needs (${code}). Give it ${token.scope}, reinstall the app if asked, and restart paperbot.`;
    case 'type':
      return `Slack says ${variable} is the wrong kind of token (${code}). It must be ${token.is}, from ${token.from}.`;
    default:
      return `Slack does not accept ${variable} (${code}). Check that it is ${token.is}, copied whole from ${token.from}, and that the app is still installed.`;
  }
}
