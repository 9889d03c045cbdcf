import type { Logger } from '../log.js';
import type { FileToPublish } from './git-transport.js';
export interface FolderPublishInput {
    root: string;
    /** Version folder relative to `root`, e.g. models/iris-v1. */
    folder: string;
    files: FileToPublish[];
    ignoreForComparison: string[];
    force: boolean;
    log: Logger;
    /** How one file is copied; injectable so tests can fail half-way. */
    copy?: (source: string, destination: string) => Promise<void>;
}
export interface FolderPublishResult {
    status: 'pushed' | 'already-published';
    replaced: boolean;
}
export declare function publishToFolder(input: FolderPublishInput): Promise<FolderPublishResult>;
/** Removes version folders: each is renamed into one hidden trash folder, which is then deleted. */
export declare function removeFolders(root: string, folders: string[]): Promise<void>;
/** Asks MLServer to rescan the disk for `model` and load the new version, without a restart. */
export declare function reloadModel(url: string, model: string, headers: Record<string, string>, log: Logger): Promise<void>;
