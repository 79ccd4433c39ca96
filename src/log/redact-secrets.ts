/** What a secret is replaced with in a log line. */
export const REDACTED = '[redacted]';

/**
 * Shapes of credentials that must never reach a log, whoever wrote them into a message (an error from a library
 * that quotes its request, say): Slack tokens (`xoxb-`, `xoxp-`, … and app-level `xapp-`,
 * https://api.slack.com/concepts/token-types), Discord bot tokens and other JWT-like values (three base64url
 * parts joined by dots, https://discord.com/developers/docs/reference#authentication), and what follows
 * `Bot ` or `Bearer ` in an Authorization header.
 */
const TOKEN_SHAPES: readonly RegExp[] = [
  /\bx(?:ox[abeoprs]|app)-[A-Za-z0-9-]+/g,
  /\b[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]{6,}\.[A-Za-z0-9_-]{20,}/g,
];
// At least 20 characters, as every such token has: "the Bot User OAuth Token" is not a header.
const AUTHORIZATION = /\b(Bot|Bearer) +[A-Za-z0-9._~+/-]{20,}=*/g;

/** Shorter values are not treated as secrets: replacing every "abc" in a log would garble it and hide nothing. */
const MIN_SECRET_LENGTH = 8;

/** `text` with every token-shaped value and every one of `secrets` (the configured tokens) replaced by `REDACTED`. */
export function redactSecrets(text: string, secrets: readonly string[] = []): string {
  let redacted = text;
  for (const secret of secrets) {
    if (secret.length >= MIN_SECRET_LENGTH) redacted = redacted.replaceAll(secret, REDACTED);
  }
  for (const shape of TOKEN_SHAPES) redacted = redacted.replace(shape, REDACTED);
  return redacted.replace(AUTHORIZATION, `$1 ${REDACTED}`);
}
