import { expect, it } from 'vitest';
import { benchSlack } from '../scripts/bench-slack.js';
import { seedIndex } from './fixtures/slack-index.js';

it('benchSlack measures event → chat.postMessage latency on the loopback fake', async () => {
  const { p50, p99 } = await benchSlack(await seedIndex(), ['attention sink', 'diffusion models', 'virtual try-on']);
  expect(p50).toBeGreaterThan(0);
  expect(p99).toBeGreaterThanOrEqual(p50);
  // Generous: the answer itself takes milliseconds; this only catches a reply stuck behind a retry or a timeout.
  expect(p99).toBeLessThan(2000);
});
