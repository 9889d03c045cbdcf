export declare function dns1123(value: string): string;
/** A DNS-1123 label, as Kubernetes namespace names must be. */
export declare function isDns1123Label(value: string): boolean;
export declare function resourceName(model: string, version?: string): string;
/**
 * The model format KServe's and Seldon's MLServer runtimes know, from the implementation.
 * KServe: the `supportedModelFormats` of its kserve-mlserver ServingRuntime
 * (kserve/kserve config/runtimes/kserve-mlserver.yaml: sklearn, xgboost, lightgbm, mlflow).
 * Seldon Core v2: the mlserver Server's capabilities, which a Model's `requirements` must match
 * (SeldonIO/seldon-core docs-gb/servers/servers.md: "mlserver,...,lightgbm,mlflow,python,sklearn,...,xgboost").
 */
export declare const MODEL_FORMATS: Record<string, string>;
export declare function modelFormat(implementation: string): string;
