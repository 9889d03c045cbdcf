/**
 * Versions and model names become a folder name (`<name>-<version>`) and URL path
 * segments, so both are held to the same safe alphabet.
 */
export declare const MAX_SEGMENT_LENGTH = 100;
/** Returns what is wrong with `value` as a name or version, or an empty list. */
export declare function segmentProblems(value: string, what: string): string[];
/** The V2 (Open Inference Protocol) path that serves one version of a model. */
export declare function inferencePath(name: string, version: string): string;
