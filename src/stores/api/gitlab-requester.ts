/**
 * How gitbeaker talks HTTP for us. Its own request handler retries 429 and 502
 * ten times within about a quarter of a second and ignores Retry-After, then
 * throws without the status. This one sends each request once, through the
 * origin-bound fetch, and turns every failure into a HostHttpError carrying
 * status, headers and GitLab's error body, so the tool's own backoff
 * (client.ts callApi) decides, honouring Retry-After.
 */
import { createRequesterFn, getMatchingRateLimiter, type RateLimiterFn, type RequestOptions } from '@gitbeaker/requester-utils';
import { HostHttpError } from './http-failure.js';

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204) return null;
  const type = (response.headers.get('content-type') ?? '').split(';')[0].trim();
  if (type === 'application/json') return (await response.json().catch(() => ({}))) ?? {};
  if (type.startsWith('text/')) return response.text();
  return response.blob();
}

export function gitlabRequester(fetcher: typeof fetch) {
  return createRequesterFn(
    async (_service, request) => request,
    async (endpoint, options = {}) => {
      const { rateLimiters, prefixUrl, searchParams, method, headers, body, signal } = options as RequestOptions & { rateLimiters?: Record<string, RateLimiterFn> };
      const base = prefixUrl ? (prefixUrl.endsWith('/') ? prefixUrl : `${prefixUrl}/`) : undefined;
      const url = new URL(endpoint, base);
      url.search = searchParams ?? '';
      await getMatchingRateLimiter(endpoint, rateLimiters, method)();
      const response = await fetcher(url, { method, headers, body, signal });
      const parsed = await readBody(response);
      const responseHeaders = Object.fromEntries([...response.headers.entries()].map(([k, v]) => [k.toLowerCase(), v]));
      if (!response.ok) {
        const message = typeof parsed === 'object' && parsed !== null
          ? String((parsed as { message?: unknown; error?: unknown }).message ?? (parsed as { error?: unknown }).error ?? response.statusText)
          : String(parsed || response.statusText);
        throw new HostHttpError(response.status, responseHeaders, parsed, `${response.status} ${typeof message === 'string' ? message : JSON.stringify(message)}`);
      }
      return { body: parsed as never, headers: responseHeaders, status: response.status };
    },
  );
}
