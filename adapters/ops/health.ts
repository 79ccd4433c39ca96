import type { Platform } from '../../src/store/store.js';

/** A platform's connection as `/healthz` shows it: not up yet, up, or lost and being re-established. */
export type ConnectionState = 'starting' | 'connected' | 'disconnected';

/** The body of a `/healthz` reply; `healthy` decides between 200 and 503. */
export interface HealthReport {
  healthy: boolean;
  status: 'ok' | 'unavailable';
  /** Why not healthy, for a person reading the reply. */
  reason?: string;
  index: 'loading' | 'loaded';
  platforms: Partial<Record<Platform, ConnectionState>>;
}

const PLATFORM_NAMES: Readonly<Record<Platform, string>> = { discord: 'Discord', slack: 'Slack' };

/**
 * What `/healthz` answers, moved along by `npm start`: healthy when the index is loaded and every configured
 * platform is connected (each asked at every request), and not while shutting down.
 */
export class Health {
  private indexLoaded = false;
  private stopping = false;
  private readonly probes = new Map<Platform, () => boolean>();

  /** `platforms`: the ones configured, each `starting` until `watch` is called for it. */
  constructor(private readonly platforms: readonly Platform[]) {}

  markIndexLoaded(): void {
    this.indexLoaded = true;
  }

  /** The platform has started; from now on `isConnected` says whether it is up. */
  watch(platform: Platform, isConnected: () => boolean): void {
    this.probes.set(platform, isConnected);
  }

  markStopping(): void {
    this.stopping = true;
  }

  report(): HealthReport {
    const platforms = Object.fromEntries(this.platforms.map((platform) => [platform, this.state(platform)]));
    const index = this.indexLoaded ? 'loaded' : 'loading';
    const reason = this.reason(platforms);
    return reason === undefined
      ? { healthy: true, status: 'ok', index, platforms }
      : { healthy: false, status: 'unavailable', reason, index, platforms };
  }

  private state(platform: Platform): ConnectionState {
    const probe = this.probes.get(platform);
    if (!probe) return 'starting';
    return probe() ? 'connected' : 'disconnected';
  }

  private reason(platforms: Partial<Record<Platform, ConnectionState>>): string | undefined {
    if (this.stopping) return 'shutting down';
    if (!this.indexLoaded) return 'loading the paper index';
    const down = this.platforms.filter((platform) => platforms[platform] !== 'connected');
    if (down.length === 0) return undefined;
    return down.map((platform) => `${PLATFORM_NAMES[platform]} is ${platforms[platform] === 'starting' ? 'not connected yet' : 'disconnected'}`).join('; ');
  }
}
