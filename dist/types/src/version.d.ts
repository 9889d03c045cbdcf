/** This tool's version, recorded in every release.json. */
export declare const TOOL_VERSION: string;
