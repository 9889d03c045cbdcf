import type { Identity } from '../git.js';
import type { Logger } from '../log.js';
import type { Env } from '../process.js';
import { type GitlabTokenKind } from './api/gitlab.js';
import { type HostApi, type ReviewRequest } from './api/types.js';
import type { HostKind } from './credentials.js';
import type { FileToPublish } from './git-transport.js';
import { type FolderIdentity } from './ownership.js';
import { type BackoffOptions } from './retry.js';
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
export interface ApiPublishInput {
    api: HostApi;
    branch?: string;
    folder: string;
    files: FileToPublish[];
    ignoreForComparison: string[];
    force: boolean;
    /** The model and version this folder must belong to, when it already exists. */
    identity?: FolderIdentity;
    review?: {
        branch: string;
        title: string;
        body: string;
    };
    message: string;
    author: Identity;
    log: Logger;
    backoff?: BackoffOptions;
}
export interface ApiPublishResult {
    status: 'pushed' | 'already-published';
    branch: string;
    commit: string;
    review?: ReviewRequest & {
        reused: boolean;
    };
}
export declare function sameContent(local: Map<string, string>, published: Map<string, string>, ignore: string[]): boolean;
export declare function publishWithApi(input: ApiPublishInput): Promise<ApiPublishResult>;
