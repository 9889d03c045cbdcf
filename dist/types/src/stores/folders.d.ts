import type { StoredFolder } from './types.js';
export interface ListedFile {
    /** Path from the store's root. */
    path: string;
    /** Content id: git blob id, or sha256. */
    id: string;
}
export declare function versionFolders(files: ListedFile[], modelsPath: string): Map<string, StoredFolder>;
