/**
 * The one place that picks a model store: from --repo, --target, --via and
 * --host-type. Everything after this talks to the ModelStore interface only.
 */
import type { Logger } from '../log.js';
import type { Env } from '../process.js';
import type { GitlabTokenKind } from '../publish/api/gitlab.js';
import type { BackoffOptions } from '../publish/retry.js';
import type { Repository } from '../repository.js';
import type { ModelStore } from './types.js';
export interface StoreChoice {
    repository: Repository;
    via: 'git' | 'api';
    branch?: string;
    modelsPath: string;
    apiUrl?: string;
    tokenType?: GitlabTokenKind;
    /** Build the host API client too (review mode on a git store). */
    needsReviews?: boolean;
    /** Object storage: endpoint (MinIO, Ceph, R2) and path-style addressing. */
    s3Endpoint?: string;
    s3PathStyle?: boolean;
    networkTimeoutMs?: number;
}
export interface StoreRuntime {
    env: Env;
    cwd: string;
    log: Logger;
    backoff?: BackoffOptions;
}
export declare function resolveStore(choice: StoreChoice, runtime: StoreRuntime): ModelStore;
