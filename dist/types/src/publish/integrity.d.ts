export interface FolderBytes {
    path: string;
    content: Buffer;
}
export declare function recordOf(files: FolderBytes[], where: string): Record<string, unknown>;
/** Throws EINTEGRITY when the artifact's bytes are not the ones release.json recorded. */
export declare function assertMatchesRecord(files: FolderBytes[], where: string): {
    path?: string;
    sha256?: string;
    bytes?: number;
};
