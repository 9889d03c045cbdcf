import type { Logger } from '../log.js';
import { type BackoffOptions } from '../publish/retry.js';
import type { ModelStore } from './types.js';
export interface S3Location {
    bucket: string;
    prefix: string;
}
export declare function parseS3Url(url: string): S3Location;
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
}
export declare function s3Store(options: S3StoreOptions): ModelStore;
/** Where KServe's or Seldon's storage initializer reads a published folder from. */
export declare function storageUriOf(url: string, folder: string): string;
