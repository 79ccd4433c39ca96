import { describe, expect, it } from 'vitest';
import { ShareClaims } from '../src/share-claims.js';

describe('ShareClaims', () => {
  it('grants the first claim on a message and refuses every later one', () => {
    const claims = new ShareClaims();
    expect(claims.claim('m1')).toBe(true);
    expect(claims.claim('m1')).toBe(false);
    expect(claims.claim('m1')).toBe(false);
    expect(claims.claim('m2')).toBe(true);
  });

  it('grants a claim again once it is released (the public post failed)', () => {
    const claims = new ShareClaims();
    claims.claim('m1');
    claims.release('m1');
    expect(claims.claim('m1')).toBe(true);
  });

  it('forgets the oldest claims first when full', () => {
    const claims = new ShareClaims(2);
    for (const key of ['m1', 'm2', 'm3']) claims.claim(key);
    expect(claims.claim('m1')).toBe(true);
    expect(claims.claim('m3')).toBe(false);
  });
});
