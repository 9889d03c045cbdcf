/**
 * Network deadlines and the words for network failures. Every network step has a
 * deadline (--network-timeout), git gets low-speed limits so a stalled transfer
 * ends, and a failure names its cause instead of "fetch failed".
 */
export declare const DEFAULT_NETWORK_TIMEOUT_S = 120;
export declare const DEFAULT_NETWORK_TIMEOUT_MS: number;
/** "connection refused", "DNS: ...", "TLS: ...", "timed out after 30s" from a fetch error. */
export declare function describeNetworkError(error: unknown, url: string, timeoutMs: number): string;
/** Logs "still waiting" every `everyMs` while a network step runs; returns the function that stops it. */
export declare function progressTicker(log: {
    info(message: string): void;
}, what: string, everyMs?: number): () => void;
/** True for 127.0.0.0/8, ::1 and localhost: plain http there never leaves the machine. */
export declare function isLoopbackHost(hostname: string): boolean;
/**
 * git config for every git network command: no redirects (the auth header is
 * scoped to the URL the user named), and a transfer slower than 1 KiB/s for the
 * whole deadline is stopped.
 */
export declare function gitNetworkConfig(timeoutMs: number): Array<[string, string]>;
