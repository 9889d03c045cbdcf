export declare const SETTINGS_FILE = "model-settings.json";
export declare const RECORD_FILE = "release.json";
export interface ArtifactFile {
    /** Path inside the version folder, with "/" separators. */
    relativePath: string;
    source: string;
    bytes: number;
    sha256: string;
}
export interface Artifact {
    uri: string;
    files: ArtifactFile[];
    bytes: number;
    /** sha256 of the file, or of a sorted "sha256  path" manifest for a folder. */
    sha256: string;
}
/** --models-path, checked by the same tree rules as every published path; "" is the repository root. */
export declare function normalizeModelsPath(modelsPath: string): string;
export declare function versionFolder(modelsPath: string, name: string, version: string): string;
/** Where a `parameters.uri` lands inside the version folder: "./m.joblib" -> "m.joblib". */
export declare function folderRelativePath(uri: string): string;
export declare function sha256File(file: string): Promise<string>;
export interface ReleaseRecord {
    tool: 'mlserver-release';
    toolVersion: string;
    model: string;
    version: string;
    source: {
        repository?: string;
        commit?: string;
        tag?: string;
        jobUrl?: string;
    };
    artifact?: {
        path: string;
        bytes: number;
        sha256: string;
    };
    executedNotebook?: string;
    releasedAt: string;
}
