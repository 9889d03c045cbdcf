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
}
/** owner/repo (GitHub) or group/.../project (GitLab) from the repository URL's path. */
export declare function projectPath(repoUrl: string): string;
export declare function createHostApi(options: HostApiOptions): HostApi;
/** Retries 429 and 5xx (honouring Retry-After); maps the rest to catalogued errors. */
export declare function callApi<T>(what: string, action: () => Promise<T>, backoff: BackoffOptions, log: Logger): Promise<T>;
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
