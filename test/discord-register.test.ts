import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerCommands } from '../adapters/discord/register-commands.js';
import { ConfigError } from '../src/errors.js';
import { COMMANDS } from '../adapters/discord/commands/index.js';
import { FakeDiscord, APPLICATION_ID, GUILD_ID } from './fake-discord.js';

const TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDAwMQ.Gabcde.fakefakefakefakefakefakefakefake';
let fake: FakeDiscord;
beforeAll(async () => {
  fake = await FakeDiscord.start();
});
afterAll(() => fake.close());

type Option = { name: string; type: number; required?: boolean; autocomplete?: boolean; max_length?: number; min_value?: number; max_value?: number };

describe('npm run discord:register', () => {
  it('puts every command to one server when DISCORD_GUILD_ID is set, through DISCORD_API_URL', async () => {
    const result = await registerCommands({ token: TOKEN, applicationId: APPLICATION_ID, guildId: GUILD_ID, apiUrl: fake.apiUrl });
    expect(result).toEqual({ scope: 'guild', count: 9 });
    const request = fake.requests.at(-1)!;
    expect(request).toMatchObject({ method: 'PUT', path: `/applications/${APPLICATION_ID}/guilds/${GUILD_ID}/commands`, status: 200 });
    const body = request.body as unknown as { name: string; description: string; options?: Option[] }[];
    expect(body.map((command) => command.name)).toEqual(['ask', 'search', 'paper', 'similar', 'daily', 'subscribe', 'unsubscribe', 'subscriptions', 'help']);
    for (const command of body) expect(command.description.length).toBeLessThanOrEqual(100);
    const options = Object.fromEntries(body.map((command) => [command.name, command.options ?? []]));
    expect(options.ask).toMatchObject([{ name: 'question', type: 3, required: true, max_length: 1000 }, { name: 'private', type: 5 }]);
    expect(options.search).toMatchObject([{ name: 'query', type: 3, required: true, max_length: 64 }, { name: 'limit', type: 4, min_value: 1, max_value: 25 }]);
    expect(options.paper).toMatchObject([{ name: 'title', type: 3, required: true, autocomplete: true }]);
    expect(options.similar).toMatchObject([{ name: 'title', type: 3, required: true, autocomplete: true }]);
    expect(options.daily).toMatchObject([{ name: 'date', type: 3, max_length: 10 }, { name: 'filter', type: 3, max_length: 64 }]);
  });

  it('puts them globally without a server id, and sends the same body again when run twice (idempotent)', async () => {
    await registerCommands({ token: TOKEN, applicationId: APPLICATION_ID, apiUrl: fake.apiUrl });
    await registerCommands({ token: TOKEN, applicationId: APPLICATION_ID, apiUrl: fake.apiUrl });
    const [first, second] = fake.requests.slice(-2);
    expect(first).toMatchObject({ method: 'PUT', path: `/applications/${APPLICATION_ID}/commands` });
    expect(second!.body).toEqual(first!.body);
    expect(first!.body).toEqual(COMMANDS.map((command) => command.data));
  });

  it('says that Discord refused DISCORD_TOKEN, and where to get a new one, without echoing the token', async () => {
    fake.failNext({ match: /\/commands$/, status: 401, body: { message: '401: Unauthorized', code: 0 } });
    const failure = await registerCommands({ token: TOKEN, applicationId: APPLICATION_ID, apiUrl: fake.apiUrl }).then(() => undefined, (error: unknown) => error);
    expect(failure).toBeInstanceOf(ConfigError);
    expect((failure as Error).message).toMatch(/Discord refused DISCORD_TOKEN.*Bot → Reset Token/);
    expect((failure as Error).message).not.toContain(TOKEN);
  });

  it('needs DISCORD_APPLICATION_ID, and says where to find it', async () => {
    await expect(registerCommands({ token: TOKEN, apiUrl: fake.apiUrl })).rejects.toThrow(/DISCORD_APPLICATION_ID is required.*General Information/);
  });

  it('keeps command names and button kinds unique, so a new command cannot shadow another', () => {
    const names = COMMANDS.map((command) => command.data.name);
    const kinds = COMMANDS.flatMap((command) => Object.keys(command.buttons ?? {}));
    expect(new Set(names).size).toBe(names.length);
    expect(kinds.sort()).toEqual(['search', 'share', 'similar']);
  });
});
