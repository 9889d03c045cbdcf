import type { Logger } from '../log.js';
import type { FileToPublish } from './git-transport.js';
import { type FolderIdentity } from './ownership.js';
export interface FolderPublishInput {
    root: string;
    /** Version folder relative to `root`, e.g. models/iris-v1. */
    folder: string;
    files: FileToPublish[];
    ignoreForComparison: string[];
    force: boolean;
    /** The model and version this folder must belong to, when it already exists. */
    identity?: FolderIdentity;
    log: Logger;
    /** Hidden work folders older than this are an interrupted run's and are removed. */
    staleAfterMs?: number;
    /** How one file is copied; injectable so tests can fail half-way. */
    copy?: (source: string, destination: string) => Promise<void>;
}
export interface FolderPublishResult {
    status: 'pushed' | 'already-published';
    replaced: boolean;
}
/** The tool's hidden working folders beside version folders (MLServer skips dot-folders). */
export declare const WORK_FOLDER_PREFIX = ".mlserver-release-";
export declare function publishToFolder(input: FolderPublishInput): Promise<FolderPublishResult>;
/** Work folders an earlier, killed run left behind count as stale after this long. */
export declare const DEFAULT_STALE_AFTER_MS: number;
/** The tool's hidden work folders in `dir` (staging, replaced, trash), with their age. */
export declare function workFolders(dir: string): Promise<Array<{
    path: string;
    ageMs: number;
}>>;
/** Removes version folders: each is renamed into one hidden trash folder, which is then deleted. */
export declare function removeFolders(root: string, folders: string[]): Promise<void>;
/** Asks MLServer to rescan the disk for `model` and load the new version, without a restart. */
export declare function reloadModel(url: string, model: string, headers: Record<string, string>, log: Logger): Promise<void>;
