/**
 * A database URL as it may be shown in logs and errors: the password replaced by `***`
 * (`postgres://paperbot:***@db.internal:5432/paperbot`). A text that is no URL is shown as `(a database URL)`,
 * since it may still hold a secret.
 */
export function redactUrl(url: string): string {
  if (!URL.canParse(url)) return '(a database URL)';
  const parsed = new URL(url);
  if (parsed.password !== '') parsed.password = '***';
  return parsed.toString();
}

/** `text` with every occurrence of the URL's password replaced by `***`: for messages a driver may have built. */
export function withoutPassword(text: string, url: string): string {
  const password = URL.canParse(url) ? decodeURIComponent(new URL(url).password) : '';
  return password === '' ? text : text.replaceAll(password, '***');
}
