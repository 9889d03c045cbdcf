/**
 * Building the new commit's tree without a checkout. Only the trees on the path
 * from the root to the version folder are rewritten; every other entry keeps its
 * object id, so nothing else has to be present locally.
 */
import { type GitContext } from '../../git.js';
export interface FolderFile {
    /** Path inside the folder, "/"-separated. */
    path: string;
    oid: string;
    executable?: boolean;
}
/** Writes the tree objects for a folder holding `files`; returns the folder's tree id. */
export declare function writeFolderTree(files: FolderFile[], ctx: GitContext): Promise<string>;
/**
 * Returns a root tree equal to `rootTree` except that `folderPath` now points at
 * `folderTree` (or is removed when `folderTree` is undefined). `rootTree` may be
 * undefined for a repository with no commits yet.
 */
export declare function replaceFolder(rootTree: string | undefined, folderPath: string, folderTree: string | undefined, ctx: GitContext): Promise<string>;
/** Returns a root tree equal to `rootTree` except that the file at `filePath` is `file` (added or replaced). */
export declare function replaceFile(rootTree: string | undefined, filePath: string, file: FolderFile, ctx: GitContext): Promise<string>;
/** Blob ids under `folderPath` at `commit`, keyed by their path inside the folder. */
export declare function folderBlobs(commit: string, folderPath: string, ctx: GitContext): Promise<Map<string, string>>;
