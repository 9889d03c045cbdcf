import { type Identity } from '../git.js';
import { type FolderIdentity } from './ownership.js';
import type { Logger } from '../log.js';
import type { Env } from '../process.js';
import type { Credentials } from './credentials.js';
import type { BackoffOptions } from './retry.js';
export interface FileToPublish {
    /** Path inside the version folder. */
    path: string;
    /** Either a file on disk or generated content. */
    source?: string;
    content?: string;
}
export interface GitPublishInput {
    /** Credential-free URL or absolute path of the remote. */
    url: string;
    credentials?: Credentials;
    branch?: string;
    /** Review mode: create `branch` from this one when it does not exist yet. */
    startBranch?: string;
    folder: string;
    files: FileToPublish[];
    /** Files that differ on every run (release.json) and so do not count as a change. */
    ignoreForComparison: string[];
    message: string;
    author: Identity;
    force: boolean;
    /** The model and version this folder must belong to, when it already exists. */
    identity?: FolderIdentity;
    /** --network-timeout, for the git session. */
    networkTimeoutMs?: number;
    env: Env;
    log: Logger;
    backoff?: BackoffOptions;
}
export interface GitPublishResult {
    status: 'pushed' | 'already-published';
    branch: string;
    commit: string;
    attempts: number;
    /** True when --force replaced different content. */
    replaced: boolean;
}
export declare function publishWithGit(input: GitPublishInput): Promise<GitPublishResult>;
