import { Events, MessageFlags, type Client, type Interaction } from 'discord.js';
import type { PaperIndex } from '../../src/paper-index.js';
import type { Logger } from '../../src/logger.js';
import { createInteractionHandler } from './handlers.js';
import { formatNotice } from './format-notice.js';
import { COMMANDS } from './commands/index.js';
import type { CommandServices } from './commands/command.js';

/** How long `close()` waits for replies already under way before giving up on them. */
export const DRAIN_TIMEOUT_MS = 10_000;
const RESTARTING = 'I am restarting. Please try again in a minute.';

/** A client that is answering interactions; `close()` stops taking new ones and waits for the rest. */
export interface InteractionService {
  /** Interactions still being answered. */
  readonly inFlight: number;
  close(): Promise<void>;
}

/**
 * Answers `client`'s interactions with the commands over `index` (and `services.daily` for the digest commands). Needs no login, so tests attach it to a
 * client whose REST points at a loopback fake and inject payloads. After `close()`, new interactions get a
 * short "restarting" note instead of an answer.
 */
export function serveInteractions(client: Client, index: PaperIndex, log: Logger, services: CommandServices = {}): InteractionService {
  const handle = createInteractionHandler(COMMANDS, index, log, services);
  const running = new Set<Promise<void>>();
  let open = true;
  const track = (task: Promise<void>): void => {
    running.add(task);
    void task.finally(() => running.delete(task));
  };
  const listener = (interaction: Interaction): void => track(open ? handle(interaction) : decline(interaction, log));
  client.on(Events.InteractionCreate, listener);
  return {
    get inFlight() {
      return running.size;
    },
    async close() {
      open = false;
      await drain(running, DRAIN_TIMEOUT_MS, log);
      client.off(Events.InteractionCreate, listener);
    },
  };
}

async function decline(interaction: Interaction, log: Logger): Promise<void> {
  try {
    if (interaction.isAutocomplete()) await interaction.respond([]);
    else if (interaction.isRepliable()) await interaction.reply({ ...formatNotice(RESTARTING), flags: MessageFlags.Ephemeral });
  } catch (error) {
    log.warn('Could not decline a Discord interaction during shutdown', { interactionId: interaction.id, error: String(error) });
  }
}

/** Waits until no task runs (tasks may start while waiting) or the timeout passes. */
async function drain(running: Set<Promise<void>>, timeoutMs: number, log: Logger): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (running.size > 0 && Date.now() < deadline) {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, deadline - Date.now());
    });
    await Promise.race([Promise.allSettled([...running]), timeout]);
    clearTimeout(timer);
  }
  if (running.size > 0) log.warn('Stopped waiting for Discord replies still under way', { count: running.size });
}
