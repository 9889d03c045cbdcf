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
}
export interface ApiCommitInput {
    /** Branch to move (created when `createFrom` is given). */
    branch: string;
    /** The commit the change is built on; for GitHub the ref update is refused if it moved. */
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
export interface HostApi {
    kind: 'github' | 'gitlab';
    defaultBranch(): Promise<string>;
    branchHead(branch: string): Promise<string | undefined>;
    /** Blob ids under `folder` at `ref`, keyed by path inside the folder. */
    folderBlobs(ref: string, folder: string): Promise<Map<string, string>>;
    /** The bytes of one blob (GitHub: GET git/blobs/{sha}; GitLab: GET repository/blobs/:sha/raw). */
    readBlob(oid: string): Promise<Buffer>;
    commit(input: ApiCommitInput): Promise<string>;
    findOpenReview(source: string, target: string): Promise<ReviewRequest | undefined>;
    openReview(source: string, target: string, title: string, body: string): Promise<ReviewRequest>;
}
