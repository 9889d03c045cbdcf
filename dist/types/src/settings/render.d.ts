/**
 * The release version goes into a copy of model-settings.json structurally, never
 * by editing JSON text: `parameters.version`, the only place MLServer reads a
 * version from (repository/load.py), plus the seed's placeholders anywhere.
 */
export type Json = null | boolean | number | string | Json[] | {
    [key: string]: Json;
};
export type JsonObject = {
    [key: string]: Json;
};
export interface ModelSettings extends JsonObject {
    implementation: string;
}
/** A copy of `settings` with the version in `parameters.version` and in every placeholder. */
export declare function renderSettings(settings: ModelSettings, version: string): ModelSettings;
export declare function serializeSettings(settings: ModelSettings): string;
export declare function artifactUri(settings: ModelSettings): string | undefined;
export declare function environmentTarball(settings: ModelSettings): string | undefined;
