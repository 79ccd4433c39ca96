/**
 * The limits the loopback fake enforces, as Discord does: a payload past any of them gets 400 / 50035
 * (platform-notes §3.3). Independent of the adapter's own `limits.ts`, so a wrong constant there fails a test.
 */
type Json = Record<string, unknown>;

const MAX = {
  content: 2000, embeds: 10, title: 256, description: 4096, fields: 25, fieldName: 256, fieldValue: 1024,
  footer: 2048, author: 256, embedTotal: 6000, rows: 5, buttons: 5, customId: 100, label: 80,
  choices: 25, choiceName: 100, choiceValue: 100,
} as const;

const str = (value: unknown): string => (typeof value === 'string' ? value : '');
const list = (value: unknown): Json[] => (Array.isArray(value) ? (value as Json[]) : []);

/** Problems with a message body (content, embeds, components); empty when Discord would accept it. */
export function messageProblems(message: Json): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, problem: string) => {
    if (!ok) problems.push(problem);
  };
  check(str(message.content).length <= MAX.content, 'content over 2000');
  const embeds = list(message.embeds);
  check(embeds.length <= MAX.embeds, 'more than 10 embeds');
  let total = 0;
  for (const embed of embeds) {
    const fields = list(embed.fields);
    const footer = str((embed.footer as Json | undefined)?.text);
    const author = str((embed.author as Json | undefined)?.name);
    check(str(embed.title).length <= MAX.title, 'embed title over 256');
    check(str(embed.description).length <= MAX.description, 'embed description over 4096');
    check(fields.length <= MAX.fields, 'more than 25 fields');
    check(footer.length <= MAX.footer && author.length <= MAX.author, 'footer or author too long');
    if (embed.url !== undefined) check(isHttpUrl(embed.url), 'embed url is not a valid URL');
    for (const field of fields) {
      check(str(field.name).length >= 1 && str(field.name).length <= MAX.fieldName, 'field name empty or over 256');
      check(str(field.value).length >= 1 && str(field.value).length <= MAX.fieldValue, 'field value empty or over 1024');
      total += str(field.name).length + str(field.value).length;
    }
    total += str(embed.title).length + str(embed.description).length + footer.length + author.length;
  }
  check(total <= MAX.embedTotal, `embeds total ${total} characters, over 6000`);
  problems.push(...componentProblems(list(message.components)));
  return problems;
}

function componentProblems(rows: Json[]): string[] {
  const problems: string[] = [];
  if (rows.length > MAX.rows) problems.push('more than 5 action rows');
  const ids = new Set<string>();
  for (const row of rows) {
    const buttons = list(row.components);
    if (buttons.length < 1 || buttons.length > MAX.buttons) problems.push('an action row needs 1 to 5 buttons');
    for (const button of buttons) {
      const id = str(button.custom_id);
      if (button.style !== 5 && (id.length < 1 || id.length > MAX.customId)) problems.push(`custom_id length ${id.length}`);
      if (ids.has(id)) problems.push(`duplicate custom_id ${id}`);
      ids.add(id);
      if (str(button.label).length > MAX.label) problems.push('button label over 80');
    }
  }
  return problems;
}

/** Problems with an autocomplete answer. */
export function choiceProblems(data: Json): string[] {
  const choices = list(data.choices);
  const problems = choices.length > MAX.choices ? ['more than 25 choices'] : [];
  for (const choice of choices) {
    const name = str(choice.name);
    const value = str(choice.value);
    if (name.length < 1 || name.length > MAX.choiceName) problems.push(`choice name length ${name.length}`);
    if (value.length < 1 || value.length > MAX.choiceValue) problems.push(`choice value length ${value.length}`);
  }
  return problems;
}

function isHttpUrl(value: unknown): boolean {
  try {
    return /^https?:$/.test(new URL(str(value)).protocol);
  } catch {
    return false;
  }
}
