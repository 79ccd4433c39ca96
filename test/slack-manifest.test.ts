import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PAPERS_COMMAND } from '../adapters/slack/listeners/papers-command.js';

/** The manifest a user pastes into api.slack.com/apps must ask for what the listeners use, and no more. */
const manifest = JSON.parse(readFileSync(new URL('../adapters/slack/manifest.json', import.meta.url), 'utf8')) as {
  features: { slash_commands: { command: string }[]; app_home: { messages_tab_enabled: boolean } };
  oauth_config: { scopes: { bot: string[] } };
  settings: { event_subscriptions: { bot_events: string[] }; interactivity: { is_enabled: boolean }; socket_mode_enabled: boolean };
};

describe('the Slack app manifest', () => {
  it('declares the slash command the app listens for', () => {
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual([PAPERS_COMMAND]);
  });

  it('subscribes to mentions and DMs, with the scopes each needs and nothing else', () => {
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(['app_mention', 'message.im']);
    // app_mention ← app_mentions:read; message.im ← im:history; replies ← chat:write; /papers ← commands.
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(['app_mentions:read', 'chat:write', 'commands', 'im:history']);
    expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
  });

  it('turns on interactivity (the buttons) and Socket Mode (no public URL needed)', () => {
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
  });
});
