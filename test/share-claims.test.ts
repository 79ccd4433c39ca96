import { describe, expect, it } from 'vitest';
import { ShareClaims } from '../src/share-claims.js';

describe('ShareClaims', () => {
  it('grants the first claim on a message; later ones learn whether the copy is still being posted or out', () => {
    const claims = new ShareClaims();
    expect(claims.claim('m1')).toBeUndefined();
    expect(claims.claim('m1')).toBe('sharing');
    claims.shared('m1');
    expect(claims.claim('m1')).toBe('shared');
    expect(claims.claim('m2')).toBeUndefined();
  });

  it('grants a claim again once it is released (the public post failed)', () => {
    const claims = new ShareClaims();
    claims.claim('m1');
    claims.release('m1');
    expect(claims.claim('m1')).toBeUndefined();
  });

  it('forgets the oldest claims first when full', () => {
    const claims = new ShareClaims(2);
    for (const key of ['m1', 'm2', 'm3']) claims.claim(key);
    expect(claims.claim('m1')).toBeUndefined();
    expect(claims.claim('m3')).toBe('sharing');
  });
});
