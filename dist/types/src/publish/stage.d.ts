import type { Logger } from '../log.js';
import type { FileToPublish } from '../stores/types.js';
export interface StagedFile extends FileToPublish {
    source: string;
    bytes: number;
    sha256: string;
}
export interface StagedArtifact {
    uri: string;
    files: StagedFile[];
    bytes: number;
    /** sha256 of the file, or of a sorted "sha256  path" manifest for a folder. */
    sha256: string;
}
export interface Staging {
    dir: string;
    /** Copies `relative` (a file or folder under the model folder) to `targetPath` in the version folder. */
    copy(relative: string, targetPath: string, what: string): Promise<StagedFile[]>;
    write(targetPath: string, content: string | Buffer): Promise<void>;
    remove(): Promise<void>;
}
export declare function createStaging(modelDir: string, log: Logger): Promise<Staging>;
/** Stages the artifact named by parameters.uri. */
export declare function stageArtifact(staging: Staging, uri: string): Promise<StagedArtifact>;
