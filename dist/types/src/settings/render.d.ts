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
/**
 * The settings as JSON that Python's json.load reads back to the same values:
 * NaN, Infinity and -Infinity are written as Python's json.dumps writes them
 * (JSON.stringify would turn them into null, which e.g. `max_batch_time` refuses).
 */
export declare function serializeSettings(settings: ModelSettings): string;
export declare function artifactUri(settings: ModelSettings): string | undefined;
export declare function environmentTarball(settings: ModelSettings): string | undefined;
