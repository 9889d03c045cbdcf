import type { Logger } from './log.js';
export interface VerifyInput {
    /** MLServer's base URL, possibly with a path prefix (https://host/mlapi). */
    url: string;
    model: string;
    version: string;
    /** A V2 inference request body. */
    request: unknown;
    /** Expected `outputs` (or a whole response holding them) to compare with. */
    expected?: unknown;
    headers?: Record<string, string>;
    timeoutMs: number;
    intervalMs: number;
    log: Logger;
}
interface V2Output {
    name: string;
    datatype?: string;
    shape?: number[];
    data: unknown;
}
export interface VerifyResult {
    readyAfterMs: number;
    response: {
        model_name?: string;
        model_version?: string;
        outputs?: V2Output[];
    };
}
export declare function versionPath(base: string, model: string, version: string): string;
export declare function verifyServed(input: VerifyInput): Promise<VerifyResult>;
/** A readable diff: one line per output and position that differs. */
export declare function compareOutputs(expected: V2Output[], actual: V2Output[]): string[];
/**
 * `verify --default`: the unversioned endpoint (/v2/models/<name>/infer, which
 * most clients call) must answer the sample request as version V does.
 */
export declare function verifyDefaultServes(input: VerifyInput, versioned: VerifyResult['response']): Promise<VerifyResult['response']>;
export {};
