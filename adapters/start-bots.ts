import type { PaperIndex } from '../src/paper-index.js';
import type { DailyPapers } from '../src/digest/daily-papers.js';
import type { DigestPublisher } from '../src/digest/publisher.js';
import type { Platform } from '../src/store/store.js';
import type { Logger } from '../src/logger.js';
import type { DiscordConfig } from './discord/config.js';
import { startDiscord } from './discord/start.js';
import type { SlackConfig } from './slack/config.js';
import { startSlack } from './slack/start.js';
import type { Operations } from './ops/operations.js';

/** The bots `npm start` runs, from the settings that are present. */
export interface BotConfigs {
  discord: DiscordConfig | undefined;
  slack: SlackConfig | undefined;
}

export interface RunningBots {
  /** Stops the digest schedule (a digest being posted finishes), then disconnects every bot. */
  stop(): Promise<void>;
}

interface Running {
  stop(): Promise<void>;
}

/**
 * Starts each configured bot over one daily-papers service, then the digest schedule with their publishers. If a
 * bot cannot start (a token refused, Slack unreachable for minutes), the ones already up are disconnected before
 * the error is thrown, so that the caller can close the store and exit cleanly. `onCredentialsRefused`: a token
 * refused while running, which only a person and a restart can fix. `ops`: the questions answered are counted,
 * and each bot's connection is watched for `/healthz`, once it has started.
 */
export async function startBots(
  index: PaperIndex, configs: BotConfigs, daily: DailyPapers, log: Logger, onCredentialsRefused: (error: Error) => void,
  ops?: Pick<Operations, 'meter' | 'botStarted'>,
): Promise<RunningBots> {
  const running: Running[] = [];
  const publishers: Partial<Record<Platform, DigestPublisher>> = {};
  const disconnect = async () => {
    await Promise.allSettled(running.map((bot) => bot.stop()));
  };
  try {
    if (configs.discord) {
      const bot = await startDiscord(index, configs.discord, log, { daily, meter: ops?.meter });
      ops?.botStarted('discord', bot.connected);
      running.push(bot);
      publishers.discord = bot.publisher;
    }
    if (configs.slack) {
      const app = await startSlack(index, configs.slack, log, { daily, onCredentialsRefused, meter: ops?.meter });
      ops?.botStarted('slack', app.connected);
      running.push(app);
      publishers.slack = app.publisher;
    }
  } catch (error) {
    await disconnect();
    throw error;
  }
  const schedule = daily.startSchedule(publishers);
  return {
    stop: async () => {
      // The schedule first, so that no digest starts while the bots are closing, and a digest being posted is
      // recorded while the bots are still connected.
      await schedule.stop();
      await disconnect();
    },
  };
}
