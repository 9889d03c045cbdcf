import { type GitContext } from '../../git.js';
/** Paths of `.gitattributes` lines that carry `filter=lfs` (later `-filter` lines win). */
export declare function lfsMatcher(attributes: string | undefined): (repoPath: string) => boolean;
export interface LfsFile {
    /** The file on disk. */
    source: string;
    /** Where its pointer text was written, to be committed instead. */
    pointerFile: string;
    oid: string;
}
/**
 * Replaces each file by its LFS pointer and stages the object where `git lfs push`
 * looks for it (the temp repo's lfs/objects store).
 */
export declare function prepareLfsObjects(sources: string[], repoDir: string, workspace: string, ctx: GitContext): Promise<LfsFile[]>;
export declare function uploadLfsObjects(remote: string, files: LfsFile[], ctx: GitContext): Promise<void>;
