import { type MlserverLine } from './mlserver-schema.js';
import { type ModelSettings } from './render.js';
export interface RuntimeFile {
    /** Path relative to the model folder, which is also its path in the version folder. */
    relative: string;
    why: string;
}
/** The custom runtime module the implementation names, when it sits in the model folder. */
export declare function customRuntimeFile(implementation: string, modelDir: string): RuntimeFile | undefined;
/** A relative environment_tarball, which must exist once the notebook has run. */
export declare function environmentTarballFile(settings: ModelSettings, modelDir: string, settingsPath: string): RuntimeFile | undefined;
/**
 * The file to publish as the model: `parameters.uri` when set; otherwise, for a
 * runtime that finds a well-known file name in its folder, the first of those names
 * that exists in the model folder, which is the one MLServer's `get_model_uri`
 * (mlserver/utils.py, 1.3.2 to 1.7.1) would load. The settings are published without
 * a uri, as written, and MLServer finds the file beside them. Call it once the
 * notebook has run: it refuses when none of the names exists.
 */
export declare function modelFileUri(settings: ModelSettings, modelDir: string, settingsPath: string, line: MlserverLine): string | undefined;
