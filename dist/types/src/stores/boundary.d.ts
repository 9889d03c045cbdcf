import type { ModelStore, StoredFile } from './types.js';
/** What is wrong with a path a store handed back, relative to its root or to a folder. */
export declare function storedPathProblems(relativePath: string): string[];
/** Throws EUNSAFEPATH unless `relativePath` may be used as a path; `where` names the store (and folder). */
export declare function assertSafeStoredPath(relativePath: string, where: string): void;
/** Throws EUNSAFEPATH for a file that is not a plain or executable file. */
export declare function assertCopyable(file: StoredFile, where: string): void;
/** The same store, with every path and entry it hands back checked at the boundary. */
export declare function guardedStore(store: ModelStore): ModelStore;
