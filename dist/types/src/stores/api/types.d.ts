/** What the API transports need from a git host; one implementation per host. */
export interface ReviewRequest {
    /** Pull request or merge request number (GitLab: iid). */
    number: number;
    url: string;
}
export interface ApiFile {
    /** Path inside the repository. */
    path: string;
    content: Buffer;
    /** Mode 100755 (GitHub tree mode; GitLab's execute_filemode). */
    executable?: boolean;
}
export interface ApiCommitInput {
    /** Branch to move (created when `createFrom` is given). */
    branch: string;
    /** The commit the change is built on; GitHub refuses the ref update, GitLab the actions, if it moved. */
    parent: string;
    /** Create `branch` from this branch (review mode, first time). */
    createFrom?: string;
    files: ApiFile[];
    /** Existing paths to delete (files of a replaced version that are gone now). */
    deletes: string[];
    /** Paths that already exist on `parent` (GitLab needs "update" rather than "create"). */
    existing: Set<string>;
    message: string;
    author: {
        name: string;
        email: string;
    };
}
/** The branch moved between reading it and updating it: rebuild on the new head. */
export declare class RefMovedError extends Error {
    constructor();
}
/**
 * The host refused the commit because of what is on the branch now (GitLab 400:
 * "A file with this name already exists", "... has changed since you started
 * editing it", "A branch called ... already exists"): re-read and decide again.
 */
export declare class CommitRefusedError extends Error {
    readonly hostMessage: string;
    constructor(hostMessage: string);
}
export interface HostApi {
    kind: 'github' | 'gitlab';
    /** True when the client retries rate limits and 5xx itself (octokit's plugins), so callers must not. */
    retriesItself: boolean;
    defaultBranch(): Promise<string>;
    branchHead(branch: string): Promise<string | undefined>;
    /** Every blob under `prefix` ("" for all) at `ref`: path from the root -> blob id. */
    treeBlobs(ref: string, prefix: string): Promise<Map<string, string>>;
    /** Every blob and submodule under `prefix` at `ref`, with its git mode (100644, 100755, 120000, 160000). */
    treeEntries(ref: string, prefix: string): Promise<TreeEntryWithMode[]>;
    /** The bytes of one blob (GitHub: GET git/blobs/{sha}; GitLab: GET repository/blobs/:sha/raw). */
    readBlob(oid: string): Promise<Buffer>;
    commit(input: ApiCommitInput): Promise<string>;
    findOpenReview(source: string, target: string): Promise<ReviewRequest | undefined>;
    /** Opens a request; a duplicate (GitHub 422, GitLab 409) returns the open one instead. */
    openReview(source: string, target: string, title: string, body: string): Promise<ReviewRequest & {
        reused: boolean;
    }>;
}
/** A tree entry as the hosts list it: a file, an executable, a symlink (120000) or a submodule (160000). */
export interface TreeEntryWithMode {
    path: string;
    id: string;
    mode: string;
}
