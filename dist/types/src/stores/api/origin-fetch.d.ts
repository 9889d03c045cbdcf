export declare function originBoundFetch(timeoutMs: number): typeof fetch;
