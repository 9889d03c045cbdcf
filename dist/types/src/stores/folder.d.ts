import type { Logger } from '../log.js';
import type { ModelStore } from './types.js';
/** The tool's hidden working folders beside version folders (MLServer skips dot-folders). */
export declare const WORK_FOLDER_PREFIX = ".mlserver-release-";
/** Work folders an earlier, killed run left behind count as stale after this long. */
export declare const DEFAULT_STALE_AFTER_MS: number;
export interface FolderStoreOptions {
    root: string;
    modelsPath: string;
    log: Logger;
    staleAfterMs?: number;
    /** How one file is copied; injectable so tests can fail half-way. */
    copy?: (source: string, destination: string) => Promise<void>;
}
/** The tool's hidden work folders in `dir` (staging, replaced, trash), with their age. */
export declare function workFolders(dir: string): Promise<Array<{
    path: string;
    ageMs: number;
}>>;
export declare function folderStore(options: FolderStoreOptions): ModelStore;
/** Throws EUSAGE unless `url` is an http(s) URL without credentials, where MLServer's REST API could answer. */
export declare function assertReloadUrl(url: string): void;
/** Asks MLServer to rescan the disk for `model` and load its versions, without a restart. */
export declare function reloadModel(url: string, model: string, headers: Record<string, string>, log: Logger): Promise<void>;
