import { type SessionInput } from './publish/git-session.js';
export interface PublishedVersion {
    model: string;
    version: string;
    /** Path of the version folder inside the repository. */
    folder: string;
    releasedAt?: string;
    artifactBytes?: number;
}
export interface ModelVersions {
    model: string;
    /** Oldest first, semver-aware. */
    versions: PublishedVersion[];
    newest: string;
    /** What MLServer serves without a version in the URL. */
    mlserverDefault: string;
}
/** Reads one folder's identity from its files, falling back to the folder name. */
export declare function describeFolder(folder: string, settingsText?: string, recordText?: string): PublishedVersion | undefined;
export declare function groupByModel(entries: PublishedVersion[], only?: string): ModelVersions[];
/** Lists a git model repository through a blob-less session. */
export declare function listGitRepository(input: SessionInput, modelsPath: string): Promise<PublishedVersion[]>;
export declare function listAtTip(tip: string, modelsPath: string, ctx: {
    cwd: string;
    env: Record<string, string | undefined>;
}): Promise<PublishedVersion[]>;
/** Lists a model folder (an MLServer model volume). */
export declare function listFolderRepository(root: string, modelsPath: string): Promise<PublishedVersion[]>;
