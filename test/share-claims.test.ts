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

describe('ShareClaims.share', () => {
  const recorder = () => {
    const steps: string[] = [];
    const step = (name: string, fail = false) => async () => {
      steps.push(name);
      if (fail) throw new Error(`${name} failed`);
    };
    return { steps, step };
  };

  it('posts, then marks the answer; a later press only marks it again', async () => {
    const claims = new ShareClaims();
    const { steps, step } = recorder();
    const press = () => claims.share('m1', { acknowledge: step('acknowledge'), post: step('post'), markShared: step('mark') });
    await press();
    await press();
    expect(steps).toEqual(['post', 'mark', 'mark']);
  });

  it('only acknowledges a press that arrives while the first is still posting', async () => {
    const claims = new ShareClaims();
    const { steps, step } = recorder();
    let finishPost = () => {};
    const posting = new Promise<void>((resolve) => (finishPost = resolve));
    const first = claims.share('m1', { acknowledge: step('acknowledge'), post: () => posting, markShared: step('mark') });
    await claims.share('m1', { acknowledge: step('acknowledge'), post: step('post'), markShared: step('mark') });
    finishPost();
    await first;
    expect(steps).toEqual(['acknowledge', 'mark']);
  });

  it('gives the claim back when the post fails, so the next press posts', async () => {
    const claims = new ShareClaims();
    const { steps, step } = recorder();
    await expect(claims.share('m1', { acknowledge: step('acknowledge'), post: step('post', true), markShared: step('mark') })).rejects.toThrow('post failed');
    await claims.share('m1', { acknowledge: step('acknowledge'), post: step('post'), markShared: step('mark') });
    expect(steps).toEqual(['post', 'post', 'mark']);
  });
});
