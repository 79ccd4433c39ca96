import { getHeapStatistics } from 'node:v8';

/** Flags whose next argument is code to run: a child given them would run that code instead of its module. */
const CODE_FLAGS = new Set(['-e', '--eval', '-p', '--print']);

/** V8's heap limits, in either spelling V8 accepts (`--max-old-space-size=N`, `--max_old_space_size=N`). */
const HEAP_LIMIT_FLAG = /^--max[-_](old[-_]space|heap)[-_]size=/;

/**
 * The least old-space limit the child gets, in MiB: V8's own default on a 64-bit machine with 16 GB or more
 * (Node 20), so the child fares as an unflagged Node would. A build at 75k papers peaks near 1.1 GB RSS (README,
 * Speed and memory) and grows with the corpus, which is more than a cap chosen for the bot's settled memory allows.
 */
export const CHILD_MIN_OLD_SPACE_MIB = 4096;

/**
 * The Node flags for a child process that runs `entry`: the parent's own (--expose-gc, the tsx loader of
 * `npm start`), without code given on the command line (`node -e`, which the child would run instead of
 * `entry`) or the inspector (whose port the parent holds; `--inspect-brk` would stop the child until a debugger
 * comes). When `entry` is TypeScript and the parent's flags load no tsx, tsx is added: vitest, for one, runs
 * TypeScript with a loader of its own that children do not inherit.
 *
 * The parent's heap limit is not passed on as such: a bot capped to keep its settled memory low would starve the
 * child, whose build holds the corpus, the index and its serialized copy at once, and then build the index itself
 * under the same cap. The build's memory is the child's for a few seconds and goes back to the system when it
 * exits, so the child gets `CHILD_MIN_OLD_SPACE_MIB`, or the parent's heap limit when that is larger (an operator's
 * for a corpus past 75k papers). The limit is always given: it overrides a cap in NODE_OPTIONS, which the child
 * inherits with the environment and which `parentArgv` does not show. `parentHeapLimitBytes` is the parent's
 * whole heap, however it was set.
 */
export function childExecArgv(entry: URL, parentArgv: readonly string[] = process.execArgv, parentHeapLimitBytes = getHeapStatistics().heap_size_limit): string[] {
  const execArgv: string[] = [];
  for (let i = 0; i < parentArgv.length; i += 1) {
    const arg = parentArgv[i]!;
    if (CODE_FLAGS.has(arg)) i += 1;
    else if (!/^(--eval=|--print=|--inspect|--debug)/.test(arg) && !HEAP_LIMIT_FLAG.test(arg)) execArgv.push(arg);
  }
  // `tsx`, `--import=tsx`, or the path of tsx's loader as its CLI passes it.
  const loadsTsx = execArgv.some((arg) => /(^|[=/])tsx(\/|$)/.test(arg));
  if (entry.pathname.endsWith('.ts') && !loadsTsx) execArgv.push('--import', 'tsx');
  const oldSpaceMiB = Math.max(CHILD_MIN_OLD_SPACE_MIB, Math.ceil(parentHeapLimitBytes / 2 ** 20));
  execArgv.push(`--max-old-space-size=${oldSpaceMiB}`);
  return execArgv;
}
