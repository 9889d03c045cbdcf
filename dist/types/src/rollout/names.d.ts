export declare function dns1123(value: string): string;
export declare function resourceName(model: string, version?: string): string;
/** The model format KServe's and Seldon's MLServer runtimes know, from the implementation. */
export declare const MODEL_FORMATS: Record<string, string>;
export declare function modelFormat(implementation: string): string;
