import type { Logger } from '../../log.js';
import type { Env } from '../../process.js';
import type { HostKind } from '../credentials.js';
import { type BackoffOptions } from '../../publish/retry.js';
import { type GitlabTokenKind } from './gitlab.js';
import { type HostApi } from './types.js';
/** GitHub's blob API and GitLab's commit API both stop well short of git's limits. */
export declare const API_FILE_LIMIT_BYTES: number;
export interface HostApiOptions {
    repoUrl: string;
    hostKind: HostKind;
    token?: string;
    apiUrl?: string;
    gitlabTokenKind?: GitlabTokenKind;
    env: Env;
    backoff?: BackoffOptions;
    timeoutMs?: number;
    onWait?: (message: string) => void;
}
/** owner/repo (GitHub) or group/.../project (GitLab) from the repository URL's path. */
export declare function projectPath(repoUrl: string): string;
/**
 * Where a GitLab instance's API lives, and the project path relative to the
 * instance root, which matters for relative-URL installs (https://host/gitlab):
 * --api-url, else CI_API_V4_URL, else CI_SERVER_URL, else the repository's origin.
 */
export declare function gitlabLocation(repoUrl: string, apiUrl: string | undefined, env: Env): {
    host: string;
    project: string;
};
/** The GitLab token kind: --token-type, else JOB-TOKEN when the token is this job's CI_JOB_TOKEN. */
export declare function gitlabTokenKind(token: string | undefined, explicit: GitlabTokenKind | undefined, env: Env): GitlabTokenKind;
export declare function createHostApi(options: HostApiOptions): HostApi;
/**
 * Calls the host API once, or, for clients that do not retry themselves (GitLab),
 * retries 429 and 5xx with the tool's backoff, honouring Retry-After. Every other
 * failure becomes a catalogued error; a rate limit is never called a permission problem.
 */
export declare function callApi<T>(what: string, action: () => Promise<T>, backoff: BackoffOptions, log: Logger, api?: Pick<HostApi, 'retriesItself'>): Promise<T>;
/** The blob id git would give this content: compared with the host's without downloading anything. */
export declare function gitBlobId(content: Buffer): string;
