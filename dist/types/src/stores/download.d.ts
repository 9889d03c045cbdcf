import type { Logger } from '../log.js';
import type { ModelStore } from './types.js';
export interface DownloadedFile {
    /** Path inside the folder, "/"-separated. */
    path: string;
    /** Where its bytes are on this machine. */
    source: string;
    bytes: number;
    sha256: string;
    executable: boolean;
}
export interface DownloadedFolder {
    dir: string;
    files: DownloadedFile[];
    remove(): Promise<void>;
}
export declare function downloadFolder(store: ModelStore, folder: string, branch: string | undefined, log: Logger, parent?: string): Promise<DownloadedFolder>;
/** The downloaded folder's release.json, read with the size limit of every stored text (it came from a store). */
export declare function recordText(folder: DownloadedFolder): Promise<string | undefined>;
/**
 * A stored folder's entries without their bytes (nothing is downloaded): for a copy
 * made where the bytes are. The store boundary checks them as it checks any read,
 * so a symlink, a submodule or a hostile path is refused here too.
 */
export declare function listFolder(store: ModelStore, folder: string, branch: string | undefined): Promise<Array<{
    path: string;
    size?: number;
}>>;
