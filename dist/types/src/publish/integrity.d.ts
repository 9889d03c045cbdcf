import type { Logger } from '../log.js';
export interface FolderBytes {
    path: string;
    content: Buffer;
}
export declare function recordOf(files: FolderBytes[], where: string): Record<string, unknown>;
/**
 * Throws EINTEGRITY when the folder is not what its release.json records; returns
 * the recorded artifact (when there is one) for results and commit trailers.
 */
export declare function assertMatchesRecord(files: FolderBytes[], where: string, log?: Logger): {
    path?: string;
    sha256?: string;
    bytes?: number;
    everyFile: boolean;
};
