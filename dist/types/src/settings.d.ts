export type Json = null | boolean | number | string | Json[] | {
    [key: string]: Json;
};
export type JsonObject = {
    [key: string]: Json;
};
export interface ModelSettings extends JsonObject {
    name: string;
    implementation: string;
}
export declare const DATATYPES: readonly ['BOOL', 'UINT8', 'UINT16', 'UINT32', 'UINT64', 'INT8', 'INT16', 'INT32', 'INT64', 'FP16', 'FP32', 'FP64', 'BYTES'];
export interface ValidatedSettings {
    settings: ModelSettings;
    /** Problems MLServer would not refuse but the user should know about. */
    warnings: string[];
}
export declare function readSettingsFile(file: string): Promise<unknown>;
export declare function parseSettingsText(text: string, file: string): unknown;
/** Checks every rule and reports all problems together, so one run shows the whole list. */
export declare function validateSettings(value: unknown, file: string): ValidatedSettings;
/** A copy of `settings` with the version in `parameters.version` and in every placeholder. */
export declare function renderSettings(settings: ModelSettings, version: string): ModelSettings;
export declare function serializeSettings(settings: ModelSettings): string;
export declare function artifactUri(settings: ModelSettings): string | undefined;
