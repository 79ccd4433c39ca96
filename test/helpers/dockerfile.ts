/** A Dockerfile read into its instructions, enough for checking what it does without building it. */
export interface Instruction {
  /** Upper-case: FROM, RUN, COPY, ENV, … */
  keyword: string;
  /** The rest of the instruction, continuation lines joined. */
  args: string;
  /** Which stage it belongs to: 0 for the first FROM's, and so on. */
  stage: number;
}

/** Splits a Dockerfile into instructions: comments and blank lines dropped, `\` continuations joined. */
export function parseDockerfile(text: string): Instruction[] {
  const instructions: Instruction[] = [];
  let pending = '';
  let stage = -1;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    pending = pending ? `${pending} ${line}` : line;
    if (pending.endsWith('\\')) {
      pending = pending.slice(0, -1).trim();
      continue;
    }
    const [keyword = '', ...rest] = pending.split(/\s+/);
    if (keyword.toUpperCase() === 'FROM') stage += 1;
    instructions.push({ keyword: keyword.toUpperCase(), args: rest.join(' '), stage });
    pending = '';
  }
  return instructions;
}

/** `KEY=value KEY2=value2` (the ENV form used here, values without spaces) as a record. */
export function envPairs(args: string): Record<string, string> {
  return Object.fromEntries(args.split(/\s+/).map((pair) => pair.split('=', 2) as [string, string]));
}
