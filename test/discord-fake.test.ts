import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { version } from 'discord.js';
import { FakeDiscord } from './fake-discord.js';

/** The fake must turn down what Discord turns down, or the other tests prove nothing. */
let fake: FakeDiscord;
beforeAll(async () => {
  fake = await FakeDiscord.start();
});
afterAll(() => fake.close());

async function callback(body: unknown): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${fake.apiUrl}/v10/interactions/1/tok-${Math.random()}/callback`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
  });
  return { status: response.status, body: response.status === 204 ? undefined : await response.json() };
}

const field = (length: number) => ({ name: 'n', value: 'v'.repeat(length) });

describe('the loopback fake of Discord', () => {
  it.each([
    ['6001 characters across embeds', { embeds: [{ description: 'd'.repeat(4096), fields: [field(1024), field(879)] }] }],
    ['a 257-character embed title', { embeds: [{ title: 't'.repeat(257) }] }],
    ['a 2001-character content', { content: 'c'.repeat(2001) }],
    ['a 101-character custom_id', { components: [{ type: 1, components: [{ type: 2, style: 2, label: 'x', custom_id: 'i'.repeat(101) }] }] }],
    ['six buttons in a row', { components: [{ type: 1, components: Array.from({ length: 6 }, (_, i) => ({ type: 2, style: 2, label: 'x', custom_id: `b${i}` })) }] }],
    ['an embed url that is not a URL', { embeds: [{ title: 't', url: 'javascript:alert(1)' }] }],
  ])('rejects %s with 400 / 50035', async (_, data) => {
    expect(await callback({ type: 4, data })).toMatchObject({ status: 400, body: { code: 50035 } });
  });

  it('rejects 26 autocomplete choices and a 101-character choice name', async () => {
    const choices = Array.from({ length: 26 }, (_, i) => ({ name: `c${i}`, value: `v${i}` }));
    expect(await callback({ type: 8, data: { choices } })).toMatchObject({ status: 400, body: { code: 50035 } });
    expect(await callback({ type: 8, data: { choices: [{ name: 'n'.repeat(101), value: 'v' }] } })).toMatchObject({ status: 400 });
  });

  it('accepts exactly 6000 characters, and answers a second callback for one interaction with 40060', async () => {
    const data = { embeds: [{ description: 'd'.repeat(4096), fields: [field(1024), field(878)] }] };
    const token = 'tok-twice';
    const post = () => fetch(`${fake.apiUrl}/v10/interactions/1/${token}/callback`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 4, data }) });
    expect((await post()).status).toBe(204);
    const second = await post();
    expect({ status: second.status, body: await second.json() }).toMatchObject({ status: 400, body: { code: 40060 } });
  });

  it('is written against discord.js 14.28.1, whose private client.actions the harness uses (canary)', () => {
    expect(version).toBe('14.28.1');
  });
});
