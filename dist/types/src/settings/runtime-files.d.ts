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
