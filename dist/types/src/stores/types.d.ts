/**
 * ONE interface for a model repository, whatever holds it: a git remote reached
 * by a partial clone (git.ts), GitHub's or GitLab's REST API (host-api.ts over
 * publish/api/github.ts and gitlab.ts), or a plain folder that MLServer reads
 * (folder.ts). Commands (release, list, prune) take a store from resolve.ts and
 * never branch on its kind; a new kind of repository is one file here plus one
 * entry in test/stores/contract.test.ts.
 */
import type { Readable } from 'node:stream';
import type { Identity } from '../git.js';
/**
 * Where a stored file is, so that a store that can reach it copies it without its
 * bytes passing through this machine: the same git blob, an S3 server-side copy,
 * a hard link. From ModelStore.referenceTo; checked with ModelStore.canCopy.
 */
export interface StoredReference {
    /** The store that holds it. */
    location: string;
    folder: string;
    path: string;
    /** For object storage: the server that can copy it, and the object (bucket and key). */
    server?: {
        id: string;
        bucket: string;
        key: string;
    };
}
/** A file to write into a version folder: bytes on disk, generated text, or a file a store already holds. */
export interface FileToPublish {
    /** Path inside the version folder, "/"-separated. */
    path: string;
    source?: string;
    content?: string;
    /** A file the destination can copy where it is (only when its canCopy said so). */
    stored?: StoredReference;
    /** The source's sha256 when it is already known (staging and downloads hash as they copy), so no store reads it again. */
    sha256?: string;
}
/** A folder in the store that holds a model-settings.json: one published version (or a default copy). */
export interface StoredFolder {
    /** Path inside the store, e.g. models/iris-v1 or models/iris/v1. */
    folder: string;
    /** Path inside the folder -> content id (git blob id, or sha256 for stores without git). Read lazily. */
    files(): Promise<Map<string, string>>;
}
/** What the store holds at one moment: for git stores, one commit. */
export interface Snapshot {
    /** The commit read (git and API stores); undefined for an empty repository or a folder. */
    head?: string;
    /** The branch read, where the store has branches. */
    branch?: string;
    folders: Map<string, StoredFolder>;
    /** Small text files (release.json, model-settings.json), read in one batch where the store can. */
    readTexts(paths: string[]): Promise<Map<string, string>>;
    /** The content ids this store would give `files` placed in `folder`, comparable with StoredFolder.files(). */
    contentIds(folder: string, files: FileToPublish[]): Promise<Map<string, string>>;
}
/**
 * Add or replace a whole version folder, or remove it (files: null). With
 * `keepOthers`, only the listed files are added or replaced and every other entry
 * of the folder stays exactly as stored (bytes, modes, symlinks): what a command
 * that owns one file of a shared folder (rollout's manifest) writes.
 */
export interface FolderWrite {
    folder: string;
    files: FileToPublish[] | null;
    keepOthers?: boolean;
}
/** What a stored entry is: only plain and executable files are ever copied out of a store. */
export type StoredKind = 'file' | 'executable' | 'symlink' | 'submodule' | 'special';
/**
 * One file of a stored folder, as readFolder hands it over (after the boundary
 * check in boundary.ts). Its bytes are a stream, never a buffer: a model of
 * several GiB passes through in bounded memory.
 */
export interface StoredFile {
    /** Path inside the folder, "/"-separated. */
    path: string;
    /** Default 'file'. */
    kind?: StoredKind;
    /** Its size, where the store's listing says it (S3, folders); for progress only, never trusted for integrity. */
    size?: number;
    /** Opens its bytes (a symlink's: its target). Only inside the readFolder callback; each call reads afresh. */
    open(): Promise<Readable>;
}
/** What to do on top of a snapshot: nothing (done), or these writes as one change. */
export type Decision<T> = {
    done: T;
} | {
    writes: FolderWrite[];
    message: string;
    author: Identity;
    result: T;
};
export interface ApplyOptions {
    /** Write to this branch (default: the store's branch). */
    branch?: string;
    /** When `branch` does not exist yet, start it from this one (review branches). */
    startFrom?: string;
    /** What the change is, for progress and errors ("publishing models/iris-v1"). */
    what: string;
    /** The write the caller expects to make, so a store may prepare it while it reads (git hashes during the fetch). */
    expected?: FolderWrite;
}
export interface Applied<T> {
    result: T;
    /** False when the decision was `done`: nothing was written. */
    changed: boolean;
    /** The commit that holds the state (new, or the one read); undefined for folders. */
    commit?: string;
    branch?: string;
    /** How many times `decide` ran (more than 1: the store moved and the change was rebuilt). */
    attempts: number;
}
export interface ReviewRequest {
    number: number;
    url: string;
    reused: boolean;
}
/** What a caller is about to look at, so a store reads no more than that. */
export interface SnapshotScope {
    /**
     * The one model the caller works on: a store that reads texts eagerly reads only
     * the folders that may hold it (inventory.ts, mayHoldModel), so the cost follows
     * the model, not the number of versions in the repository.
     */
    model?: string;
}
export interface ModelStore {
    kind: 'git' | 'github' | 'gitlab' | 'folder' | 's3';
    /** Where it is, without credentials, for messages and results. */
    location: string;
    /** Can we read it, and write to it with these credentials? Throws a catalogued error if not. */
    preflight(options: {
        branch?: string;
        needsExistingBranch: boolean;
    }): Promise<void>;
    /** The state of `branch` (default: the store's branch), read cheaply: trees and ids, no artifacts. */
    snapshot(branch?: string, scope?: SnapshotScope): Promise<Snapshot>;
    /**
     * One version folder, every entry with its kind (boundary.ts refuses what is not
     * a file), handed to `use` while the store holds what streaming needs open (a
     * git session, a client): the files are valid only until `use` settles.
     */
    readFolder<T>(folder: string, branch: string | undefined, use: (files: StoredFile[]) => Promise<T>): Promise<T>;
    /**
     * Applies a change with optimistic concurrency: `decide` is called on a fresh
     * snapshot, its writes are applied atomically on top of it, and when the store
     * moved meanwhile, `decide` is called again on the new state.
     */
    apply<T>(decide: (snapshot: Snapshot, attempt: number) => Promise<Decision<T>>, options: ApplyOptions): Promise<Applied<T>>;
    /** A pull or merge request from `source` into `target`, reused when one is open. Only where the host has reviews. */
    openReview?(source: string, target: string, title: string, body: string): Promise<ReviewRequest>;
    /** The branch `apply` writes to when none is given (the remote's default). */
    defaultBranch?(): Promise<string>;
    /** Where a stored file is on this machine, for stores that are folders here. */
    localFile?(folder: string, file: string): string | undefined;
    /** A reference to one of its files, for a copy made without downloading it (see StoredReference). */
    referenceTo?(folder: string, file: string): StoredReference;
    /** Whether this store can copy the referenced file where it is (same repository, same S3 server). */
    canCopy?(reference: StoredReference): boolean;
}
