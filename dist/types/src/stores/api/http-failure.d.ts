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
export declare class HostHttpError extends Error {
    readonly status: number;
    readonly headers: Record<string, string>;
    readonly body: unknown;
    constructor(status: number, headers: Record<string, string>, body: unknown, message: string);
}
export interface HttpFailure {
    status?: number;
    headers: Record<string, string>;
    message: string;
    body?: unknown;
}
export declare function httpFailure(error: unknown): HttpFailure;
/** True for a rate limit, which is never a permission problem whatever its status. */
export declare function isRateLimit(failure: HttpFailure): boolean;
/** How long the host asked us to wait: Retry-After (seconds), else until x-ratelimit-reset. */
export declare function requestedWaitMs(failure: HttpFailure, now?: number): number | undefined;
/** The host's own words: GitHub's `message` (plus `errors[].message`), GitLab's `message` or `error`. */
export declare function hostMessage(failure: HttpFailure): string;
