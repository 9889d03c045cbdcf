/** Registers a path to delete if the run is interrupted; returns the function that forgets it. */
export declare function removeOnInterrupt(target: string): () => void;
/**
 * Registers work to do before exiting on an interrupt (release an S3 claim, abort
 * a multipart upload); returns the function that forgets it. Each callback gets a
 * few seconds at most, so a dead network never keeps the run alive.
 */
export declare function onInterrupt(callback: () => Promise<void>): () => void;
/** How long interrupt callbacks may take, together, before the process exits anyway. */
export declare const INTERRUPT_GRACE_MS = 5000;
export declare const INTERRUPT_EXIT: {
    readonly SIGINT: 130;
    readonly SIGTERM: 143;
};
/** Installs the handlers once, for the CLI and the Action (a library caller keeps its own). */
export declare function exitCleanlyOnInterrupt(write: (line: string) => void): void;
export declare function cleanUpNow(): void;
/** Runs the registered callbacks at once, each failure ignored, within INTERRUPT_GRACE_MS in all. */
export declare function runInterruptCallbacks(): Promise<void>;
