/**
 * Runtimes whose load() reads `parameters.uri` as a model file. Without a uri MLServer
 * passes the model folder itself (repository/load.py), and e.g. mlserver_sklearn
 * fails with IsADirectoryError, which aborts the server's start-up.
 */
export declare const FILE_LOADING_RUNTIMES: string[];
export interface PolicyFindings {
    problems: string[];
    warnings: string[];
}
export declare function policyFindings(settings: Record<string, unknown>, pydantic: 1 | 2): PolicyFindings;
