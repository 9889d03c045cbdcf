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
export declare function normalizeModelsPath(modelsPath: string, flag?: string): string;
/**
 * How version folders are named. `name-version` (models/iris-v1, the course's
 * layout) makes MLServer log "Model name 'iris' is different than model's folder
 * name 'iris-v1'" at every load; `name/version` (models/iris/v1) does not,
 * because repository/load.py accepts a folder named after the version.
 */
export declare const LAYOUTS: readonly ['name-version', 'name/version'];
export type Layout = (typeof LAYOUTS)[number];
export declare function versionFolder(modelsPath: string, name: string, version: string, layout?: Layout): string;
/** The review branch of a release; with name/version a slash keeps a-b/c and a/b-c apart. */
export declare function reviewBranch(name: string, version: string, layout?: Layout): string;
export declare function parseLayout(value: string | undefined): Layout;
/** Where a `parameters.uri` lands inside the version folder: "./m.joblib" -> "m.joblib". */
export declare function folderRelativePath(uri: string): string;
export declare function sha256File(file: string): Promise<string>;
export interface RecordedFile {
    /** Path inside the version folder, "/"-separated. */
    path: string;
    bytes: number;
    sha256: string;
}
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
    /** Every other file of the version folder (release.json itself excepted), for integrity checks both ways. */
    files?: RecordedFile[];
    executedNotebook?: string;
    releasedAt: string;
    /** What the notebook reported, flat. */
    metrics?: Record<string, number | string | boolean>;
    /** Figures in the version folder (report/...). */
    figures?: string[];
}
