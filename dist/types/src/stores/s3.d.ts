import type { Logger } from '../log.js';
import { type BackoffOptions } from '../publish/retry.js';
export { CLAIM, CLAIM_RENEW_EVERY_MS, CLAIM_STALE_AFTER_MS } from './s3-claims.js';
export { parseS3Url, prefixProblems, storageUriOf, type S3Location } from './s3-location.js';
import type { ModelStore } from './types.js';
export interface S3StoreOptions {
    url: string;
    /** The injected environment: AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN are read from it. */
    env: Record<string, string | undefined>;
    modelsPath: string;
    endpoint?: string;
    pathStyle?: boolean;
    region?: string;
    log: Logger;
    backoff?: BackoffOptions;
    /** Parts of a multipart upload (default 8 MiB) and how many go at once (default 4). */
    partSize?: number;
    queueSize?: number;
    /** --network-timeout: the deadline of each request (connect, whole request, idle socket). Default 120 s. */
    networkTimeoutMs?: number;
    /** A claim the server last saw written longer ago than this is stale (default 15 min; see claimFolder). */
    claimStaleAfterMs?: number;
    /** How often a holder re-writes its claims while it writes (default 2 min). */
    claimRenewEveryMs?: number;
}
/** S3's limits: CopyObject copies up to 5 GiB; above, UploadPartCopy copies parts of at most 5 GiB. */
export declare const COPY_OBJECT_MAX_BYTES: number;
export declare function s3Store(options: S3StoreOptions): ModelStore;
