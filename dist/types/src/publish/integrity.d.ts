import type { Logger } from '../log.js';
/** One file of a folder as read: its size and sha256, computed while it was copied (stores/download.ts). */
export interface FolderDigest {
    path: string;
    bytes: number;
    sha256: string;
}
export declare function recordOf(recordText: string | undefined, where: string): Record<string, unknown>;
/**
 * Throws EINTEGRITY when the folder is not what its release.json records; returns
 * the recorded artifact (when there is one) for results and commit trailers.
 */
export declare function assertMatchesRecord(files: FolderDigest[], recordText: string | undefined, where: string, log?: Logger): {
    path?: string;
    sha256?: string;
    bytes?: number;
    everyFile: boolean;
};
/**
 * The check for a copy made where the bytes are (the same git blobs, an S3
 * server-side copy, a hard link): the folder lists exactly the files its record
 * lists, and the small texts read (`known`: path -> text) have the recorded
 * sha256. The other files' bytes are not read back: the copy is of the stored
 * objects themselves, and `promote` and `verify` are where bytes are re-hashed.
 */
export declare function assertListedAsRecorded(paths: string[], known: Map<string, string>, recordText: string | undefined, where: string, log?: Logger, ids?: Map<string, string>): {
    path?: string;
    sha256?: string;
    bytes?: number;
    everyFile: boolean;
};
