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
    // app_mention ← app_mentions:read; message.im ← im:history; replies and digests ← chat:write; /papers ← commands;
    // finding a digest after a crash (conversations.history) ← channels:history (public), groups:history (private),
    // im:history (DMs). No message.channels event: the history scopes read on demand, they subscribe to nothing.
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(['app_mentions:read', 'channels:history', 'chat:write', 'commands', 'groups:history', 'im:history']);
    expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
  });

  it('turns on interactivity (the buttons) and Socket Mode (no public URL needed)', () => {
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
  });
});

describe('the pinned Bolt version', () => {
  // Canary (platform-notes §1): the harness leans on Bolt 5.1.0 details (auth.test at init, the HTTP receiver's
  // routes and acks). A different version must be a deliberate change, re-checked against the notes.
  it('is @slack/bolt 5.1.0', () => {
    const bolt = JSON.parse(readFileSync(new URL('../node_modules/@slack/bolt/package.json', import.meta.url), 'utf8')) as { version: string };
    expect(bolt.version).toBe('5.1.0');
  });
});
