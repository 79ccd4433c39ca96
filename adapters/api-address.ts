/** A platform's Web or REST API as start-up errors name it: the setting that moves it, its default host, its status page. */
export interface PlatformApi {
  name: string;
  setting: string;
  defaultHost: string;
  statusUrl: string;
}

/** Where the API is: the host of its setting when it is set (a proxy, a gateway), else the platform's own. */
export interface ApiAddress {
  host: string;
  fromSetting: boolean;
}

/** The host (and port) of `apiUrl`, and no more of it: the URL may carry a query, a user or a password. */
export function apiAddress(apiUrl: string | undefined, api: PlatformApi): ApiAddress {
  return apiUrl === undefined ? { host: api.defaultHost, fromSetting: false } : { host: new URL(apiUrl).host, fromSetting: true };
}

/** What to check when the API could not be reached: the setting when it is set, else this machine's network and the platform's status. */
export function reachAdvice(address: ApiAddress, api: PlatformApi): string {
  return address.fromSetting
    ? `Check ${api.setting} (host ${address.host}) and that this machine can reach that host (DNS, firewall, proxy).`
    : `Check that this machine can reach ${address.host} (DNS, firewall, proxy), and ${api.name}'s status at ${api.statusUrl}.`;
}
