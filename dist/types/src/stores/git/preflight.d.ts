import type { Logger } from '../../log.js';
import type { Env } from '../../process.js';
import { type Credentials } from '../credentials.js';
import { type BackoffOptions } from '../../publish/retry.js';
export interface PreflightInput {
    url: string;
    isHttp: boolean;
    credentials?: Credentials;
    branch?: string;
    env: Env;
    cwd: string;
    log: Logger;
    backoff?: BackoffOptions;
    /** Deadline for each request (--network-timeout). */
    timeoutMs?: number;
    /** Review mode and API commits build on an existing branch; an empty repository has none. */
    needsExistingBranch?: boolean;
}
export interface PreflightResult {
    branches: string[];
}
export declare function preflight(input: PreflightInput): Promise<PreflightResult>;
/** Reads branch names from a pkt-line ref advertisement. */
export declare function parseAdvertisement(body: string): string[];
