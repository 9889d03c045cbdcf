/**
 * Runtimes whose load() reads `parameters.uri` as a model file. Without a uri MLServer
 * passes the model folder itself (repository/load.py), and e.g. mlserver_sklearn
 * fails with IsADirectoryError, which aborts the server's start-up.
 */
export declare const FILE_LOADING_RUNTIMES: string[];
/**
 * The import path as MLServer imports it. MLServer first imports the module part
 * as written (settings.py `_reload_module`, so leading whitespace fails there), then
 * resolves the whole path with pydantic's import_string, which strips the end:
 * pydantic 1.10 utils.py `dotted_path.strip(' ')` (spaces only, 1.3-1.5), pydantic
 * 2.7 _internal/_validators.py `dotted_path.strip()` (any Python whitespace, 1.6+).
 */
export declare function importPathAsImported(implementation: string, pydantic: 1 | 2): string;
export interface PolicyFindings {
    problems: string[];
    warnings: string[];
}
/**
 * @param wellKnownModelFiles per runtime, the file names it finds in the model folder
 * by itself (mlserver-schema.ts LineRules); a runtime listed there needs no uri.
 */
export declare function policyFindings(settings: Record<string, unknown>, pydantic: 1 | 2, wellKnownModelFiles?: Record<string, readonly string[]>): PolicyFindings;
