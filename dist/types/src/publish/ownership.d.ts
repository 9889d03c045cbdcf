export interface FolderIdentity {
    model: string;
    version?: string;
}
/** The identity recorded in a folder's release.json or model-settings.json text. */
export declare function recordedIdentity(releaseJson: string | undefined, settingsJson: string | undefined): FolderIdentity | undefined;
/** Throws when the folder belongs to another model or version. */
export declare function assertOwnedBy(folder: string, mine: FolderIdentity, owner: FolderIdentity | undefined): void;
export declare const IDENTITY_FILES: readonly ["release.json", "model-settings.json"];
