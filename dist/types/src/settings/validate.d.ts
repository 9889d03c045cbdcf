import { type MlserverLine } from './mlserver-schema.js';
import type { JsonObject, ModelSettings } from './render.js';
export interface ValidatedSettings {
    settings: ModelSettings;
    /** The model name as MLServer will read it (pydantic 1 turns `42` into "42"). */
    name: string;
    /** Problems MLServer would not refuse but the user should know about. */
    warnings: string[];
    line: MlserverLine;
}
export declare function validateSettings(value: unknown, file: string, line: MlserverLine): ValidatedSettings;
/** The model name in parsed settings, for commands that only need the name (verify). */
export declare function modelNameIn(value: unknown, file: string): string;
/** ["inputs", 1, "datatype"] -> inputs[1].datatype */
export declare function jsonPath(path: ReadonlyArray<PropertyKey>): string;
export type { JsonObject };
