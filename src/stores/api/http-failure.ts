/**
 * One view of a failed host API call, whichever client made it (octokit's
 * RequestError, or our GitLab requester's HostHttpError): status, headers and the
 * documented error body. Classification follows the hosts' docs:
 * - GitHub: a primary rate limit is 403 or 429 with `x-ratelimit-remaining: 0`
 *   (reset at `x-ratelimit-reset`); a secondary one is 403 or 429 with
 *   `retry-after` and a message about a secondary rate limit
 *   (docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api).
 * - GitLab: 429 with `Retry-After` (doc/security/rate_limits.md, doc/user/admin_area/settings/user_and_ip_rate_limits.md).
 */

export class HostHttpError extends Error {
  constructor(
    readonly status: number,
    readonly headers: Record<string, string>,
    readonly body: unknown,
    message: string,
  ) {
    super(message);
    this.name = 'HostHttpError';
  }
}

export interface HttpFailure {
  status?: number;
  headers: Record<string, string>;
  message: string;
  body?: unknown;
}

export function httpFailure(error: unknown): HttpFailure {
  if (error instanceof HostHttpError) return { status: error.status, headers: error.headers, message: error.message, body: error.body };
  const e = error as { status?: number; message?: string; response?: { headers?: Record<string, string>; data?: unknown } };
  return { status: typeof e?.status === 'number' ? e.status : undefined, headers: lower(e?.response?.headers ?? {}), message: String(e?.message ?? error), body: e?.response?.data };
}

function lower(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
}

/** True for a rate limit, which is never a permission problem whatever its status. */
export function isRateLimit(failure: HttpFailure): boolean {
  if (failure.status === 429) return true;
  if (failure.status !== 403) return false;
  return failure.headers['x-ratelimit-remaining'] === '0' || 'retry-after' in failure.headers || /rate limit/i.test(failure.message);
}

/** How long the host asked us to wait: Retry-After (seconds), else until x-ratelimit-reset. */
export function requestedWaitMs(failure: HttpFailure, now = Date.now()): number | undefined {
  const retryAfter = Number(failure.headers['retry-after']);
  if (failure.headers['retry-after'] !== undefined && Number.isFinite(retryAfter)) return Math.max(0, retryAfter * 1000);
  const reset = Number(failure.headers['x-ratelimit-reset']);
  if (failure.headers['x-ratelimit-reset'] !== undefined && Number.isFinite(reset)) return Math.max(0, reset * 1000 - now + 1000);
  return undefined;
}

/** The host's own words: GitHub's `message` (plus `errors[].message`), GitLab's `message` or `error`. */
export function hostMessage(failure: HttpFailure): string {
  const body = failure.body as { message?: unknown; error?: unknown; errors?: Array<{ message?: string }> } | undefined;
  const parts = [
    typeof body?.message === 'string' ? body.message : typeof body?.message === 'object' ? JSON.stringify(body.message) : undefined,
    typeof body?.error === 'string' ? body.error : undefined,
    ...(Array.isArray(body?.errors) ? body.errors.map((e) => e?.message).filter((m): m is string => typeof m === 'string') : []),
  ].filter(Boolean);
  return parts.length > 0 ? parts.join('; ') : failure.message;
}
