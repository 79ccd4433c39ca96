/** What a log line says about an error: name, message, Discord's status and code, and the stack. */
export function errorDetails(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { value: String(error) };
  const extra = error as Error & { status?: unknown; code?: unknown };
  return { name: error.name, message: error.message, status: extra.status, code: extra.code, stack: error.stack };
}
