/** Flags whose next argument is code to run: a child given them would run that code instead of its module. */
const CODE_FLAGS = new Set(['-e', '--eval', '-p', '--print']);

/**
 * The Node flags for a child process that runs `entry`: the parent's own (a memory limit, --expose-gc, the tsx
 * loader of `npm start`), without code given on the command line (`node -e`, which the child would run instead
 * of `entry`) or the inspector (whose port the parent holds; `--inspect-brk` would stop the child until a
 * debugger comes). When `entry` is TypeScript and the parent's flags load no tsx, tsx is added: vitest, for one,
 * runs TypeScript with a loader of its own that children do not inherit.
 */
export function childExecArgv(entry: URL, parentArgv: readonly string[] = process.execArgv): string[] {
  const execArgv: string[] = [];
  for (let i = 0; i < parentArgv.length; i += 1) {
    const arg = parentArgv[i]!;
    if (CODE_FLAGS.has(arg)) i += 1;
    else if (!/^(--eval=|--print=|--inspect|--debug)/.test(arg)) execArgv.push(arg);
  }
  // `tsx`, `--import=tsx`, or the path of tsx's loader as its CLI passes it.
  const loadsTsx = execArgv.some((arg) => /(^|[=/])tsx(\/|$)/.test(arg));
  if (entry.pathname.endsWith('.ts') && !loadsTsx) execArgv.push('--import', 'tsx');
  return execArgv;
}
