import type { Snapshot } from './stores/types.js';
export interface PublishedVersion {
    model: string;
    version: string;
    /** Path of the version folder inside the repository. */
    folder: string;
    releasedAt?: string;
    artifactBytes?: number;
    /** True for the version-less copy that makes this version MLServer's default (see default-version.ts). */
    isDefault?: boolean;
    /** The metrics its release.json records. */
    metrics?: Record<string, number | string | boolean>;
    /** list: who signed it (from its model.sig; read, not verified), when it is signed. */
    signedBy?: string;
}
export interface ModelVersions {
    model: string;
    /** Oldest first, semver-aware. */
    versions: PublishedVersion[];
    newest: string;
    /** What MLServer serves without a version in the URL. */
    mlserverDefault: string;
    /** The version the tool made the default with `default`, when there is a default copy. */
    defaultVersion?: string;
}
/**
 * Reads one folder's identity from its files, falling back to the folder name.
 * Both files come from the store and are hostile: every field is taken only when
 * it has the type the tool writes, so `"model": 5` is ignored, never a crash.
 */
export declare function describeFolder(folder: string, settingsText?: string, recordText?: string): PublishedVersion | undefined;
export declare function groupByModel(entries: PublishedVersion[], only?: string): ModelVersions[];
/**
 * Whether a folder may hold a version of `model` in either layout the tool writes:
 * `<model>-<version>` (name-version), `<model>/<version>` (name/version), or the
 * default copy `<model>`. Only these folders are read when one model is asked for.
 */
export declare function mayHoldModel(folder: string, model: string): boolean;
/**
 * Every version a store's snapshot holds (of `model` only, when given), each named
 * by its own release.json or settings (never by its folder name alone, so layouts
 * may be mixed). For git this downloads only the small release.json and
 * model-settings.json blobs, in one request.
 */
export declare function versionsIn(snapshot: Snapshot, model?: string): Promise<PublishedVersion[]>;
/** The folder that holds `model` `version` in a snapshot (any layout), not counting default copies. */
export declare function findVersion(snapshot: Snapshot, model: string, version: string): Promise<PublishedVersion | undefined>;
