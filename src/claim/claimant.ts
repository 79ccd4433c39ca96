import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Claimant } from '../store/store.js';

/**
 * How long a claim lasts without renewal. Its holder renews it every third of that while it works (a post takes
 * about a second; a fetch from Hugging Face that retries, longer), so the lease only bounds how long a dead
 * process keeps others away: the scheduler ticks each minute, so a lease under a minute lets the next tick take
 * over. Hosts sharing a database must keep their clocks within a few seconds of one another (NTP).
 */
export const CLAIM_LEASE_MS = 30_000;

/**
 * A claimant unique to this process: host name, pid and a random part (a pid comes back after a restart, or in
 * another container). Operators read the first two in a posting's `claimed_by`.
 */
export function newClaimant(leaseMs = CLAIM_LEASE_MS): Claimant {
  return { owner: `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`, leaseMs };
}

/** This process's claimant, made once at start. */
export const THIS_PROCESS: Claimant = newClaimant();
