import type { Identity } from './git.js';
import type { Logger } from './log.js';
import { type FolderIdentity } from './publish/ownership.js';
import type { FileToPublish, ModelStore } from './stores/types.js';
export interface PublishVersionInput {
    folder: string;
    files: FileToPublish[];
    identity: FolderIdentity;
    /** Files that differ on every run (release.json) and so do not count as a change. */
    ignoreForComparison: string[];
    message: string;
    author: Identity;
    force: boolean;
    branch?: string;
    /** The body gets the commit that holds the change, so links in it are permalinks. */
    review?: {
        branch: string;
        title: string;
        body: string | ((commit: string | undefined) => string);
    };
    log: Logger;
}
export interface PublishedVersion {
    status: 'pushed' | 'already-published';
    branch?: string;
    commit?: string;
    reviewUrl?: string;
    replaced: boolean;
    attempts: number;
}
export declare function publishVersion(store: ModelStore, input: PublishVersionInput): Promise<PublishedVersion>;
