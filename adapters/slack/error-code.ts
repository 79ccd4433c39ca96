import { z } from 'zod';

const PlatformError = z.object({ code: z.literal('slack_webapi_platform_error'), data: z.looseObject({ error: z.string() }) });

/** A Web API refusal's Slack error code (`channel_not_found`, `invalid_auth`, …), or undefined for any other failure. */
export function slackErrorCode(error: unknown): string | undefined {
  const parsed = PlatformError.safeParse(error);
  return parsed.success ? parsed.data.data.error : undefined;
}
