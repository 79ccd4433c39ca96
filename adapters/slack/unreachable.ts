import { ConfigError } from '../../src/errors.js';

/** Where the Web API is: the host of SLACK_API_URL when it is set (a proxy, a gateway), else Slack's own. */
export interface SlackApiAddress {
  host: string;
  fromSetting: boolean;
}

/** The Web API's host when SLACK_API_URL is not set (@slack/web-api's default base, https://slack.com/api/). */
const SLACK_API_HOST = 'slack.com';

/** The host (and port) of SLACK_API_URL, and no more of it: the URL may carry a query (config.ts refuses a user or password). */
export function apiAddress(apiUrl: string | undefined): SlackApiAddress {
  return apiUrl === undefined ? { host: SLACK_API_HOST, fromSetting: false } : { host: new URL(apiUrl).host, fromSetting: true };
}

/** How start-up's tries ended: the last reason, how many tries for how long, and whether SLACK_API_URL's host does not exist. */
export interface GiveUp {
  reason: string;
  tries: number;
  elapsedMs: number;
  unknownHost: boolean;
}

/**
 * Start-up could not reach Slack: network errors, 5xx or rate limits for too long, or a SLACK_API_URL host that does
 * not exist. The message says which step, where, why and what to check; it never contains a token. A `ConfigError`,
 * so `npm start` prints the message alone and exits with code 1: a setting or the network needs a person.
 */
export class SlackUnreachableError extends ConfigError {
  constructor(what: string, address: SlackApiAddress, ended: GiveUp) {
    super(ended.unknownHost ? unknownHost(what, address) : tooLong(what, address, ended));
  }
}

function unknownHost(what: string, address: SlackApiAddress): string {
  return `Slack could not be reached: ${what} failed because ${address.host}, the host of SLACK_API_URL, does not exist (ENOTFOUND). Check SLACK_API_URL for a typo.`;
}

function tooLong(what: string, address: SlackApiAddress, ended: GiveUp): string {
  const check = address.fromSetting
    ? `Check SLACK_API_URL (host ${address.host}) and that this machine can reach that host (DNS, firewall, proxy).`
    : `Check that this machine can reach ${address.host} (DNS, firewall, proxy), and Slack's status at https://slack-status.com.`;
  return `Slack could not be reached: ${what} failed ${ended.tries} times in ${Math.round(ended.elapsedMs / 1000)} s, the last time with ${ended.reason}. ${check}`;
}
