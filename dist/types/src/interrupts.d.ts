/** Registers a path to delete if the run is interrupted; returns the function that forgets it. */
export declare function removeOnInterrupt(target: string): () => void;
export declare const INTERRUPT_EXIT: {
    readonly SIGINT: 130;
    readonly SIGTERM: 143;
};
/** Installs the handlers once, for the CLI and the Action (a library caller keeps its own). */
export declare function exitCleanlyOnInterrupt(write: (line: string) => void): void;
export declare function cleanUpNow(): void;
