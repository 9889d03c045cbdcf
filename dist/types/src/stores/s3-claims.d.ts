import { type S3Client } from '@aws-sdk/client-s3';
import type { Upload } from '@aws-sdk/lib-storage';
import type { ReleaseError } from '../errors.js';
import type { Logger } from '../log.js';
/** Defaults of the stale-claim rule: the holder renews every 2 minutes, a claim 15 minutes old is stale. */
export declare const CLAIM_RENEW_EVERY_MS: number;
export declare const CLAIM_STALE_AFTER_MS: number;
export declare const CLAIM = ".mlserver-release-claim";
export declare const isPreconditionFailed: (error: unknown) => boolean;
export interface Holding {
    claims: Claim[];
    /** Each upload in flight, with its key. */
    uploads: Map<Upload, string>;
    /** What this attempt wrote into folders it claimed, to take back if it cannot finish. */
    written: string[];
    /** release.json is on its way: from here on the attempt may have finished, so nothing is taken back. */
    committing: boolean;
}
export interface Claim {
    folder: string;
    path: string;
    body: string;
    etag?: string;
    /** The claim was taken over or removed while we held it (we stalled past the TTL): do not commit. */
    lost: boolean;
}
export interface ClaimsContext {
    client: S3Client;
    bucket: string;
    /** The object key of a store path (the prefix added). */
    key(path: string): string;
    deleteKey(path: string, ifMatch?: string): Promise<unknown>;
    /** The catalogued error for an S3 failure. */
    fail(error: unknown, what: string): ReleaseError;
    log: Logger;
    staleAfterMs: number;
}
export declare function s3Claims(context: ClaimsContext): {
    claimFolder: (folder: string) => Promise<Claim>;
    renew: (claim: Claim) => Promise<void>;
    release: (holding: Holding) => Promise<void>;
    takeBack: (holding: Holding) => Promise<void>;
    abortUploadsUnder: (folder: string) => Promise<void>;
};
