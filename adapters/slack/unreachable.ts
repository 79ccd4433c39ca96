import { ConfigError } from '../../src/errors.js';
import { reachAdvice, type ApiAddress, type PlatformApi } from '../api-address.js';

/** The host when SLACK_API_URL is not set is @slack/web-api's default base, https://slack.com/api/. */
export const SLACK_API: PlatformApi = { name: 'Slack', setting: 'SLACK_API_URL', defaultHost: 'slack.com', statusUrl: 'https://slack-status.com' };

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
  constructor(what: string, address: ApiAddress, ended: GiveUp) {
    super(ended.unknownHost ? unknownHost(what, address) : tooLong(what, address, ended));
  }
}

function unknownHost(what: string, address: ApiAddress): string {
  return `Slack could not be reached: ${what} failed because ${address.host}, the host of SLACK_API_URL, does not exist (ENOTFOUND). Check SLACK_API_URL for a typo.`;
}

function tooLong(what: string, address: ApiAddress, ended: GiveUp): string {
  return `Slack could not be reached: ${what} failed ${ended.tries} times in ${Math.round(ended.elapsedMs / 1000)} s, the last time with ${ended.reason}. ${reachAdvice(address, SLACK_API)}`;
}
