import type { Logger } from '../log.js';
import type { Env } from '../process.js';
import type { GitlabTokenKind } from './api/gitlab.js';
import type { BackoffOptions } from '../publish/retry.js';
import { type Repository, type RepositoryOptions } from './repository.js';
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
/** The store for `choice`, behind the one boundary every store's contents cross (boundary.ts). */
export declare function resolveStore(choice: StoreChoice, runtime: StoreRuntime): ModelStore;
/**
 * How a command names one store: the options every command that reads or writes
 * a store takes (promote takes two, with --from-/--to- prefixes; rollout one, as --manifests-*).
 */
export interface StoreSide extends RepositoryOptions {
    via?: string;
    branch?: string;
    apiUrl?: string;
    tokenType?: string;
    s3Endpoint?: string;
    s3PathStyle?: boolean;
}
/** From a command's options to its store: the repository, the checked --via, then resolveStore. */
export declare function openStore(side: StoreSide, settings: {
    modelsPath: string;
    needsReviews?: boolean;
    networkTimeoutMs?: number;
    viaFlag?: string;
}, runtime: StoreRuntime): Promise<{
    store: ModelStore;
    repository: Repository;
}>;
/** git check-ref-format's rules for a branch name, checked before any store is touched. */
export declare function assertBranchName(name: string, flag: string): void;
