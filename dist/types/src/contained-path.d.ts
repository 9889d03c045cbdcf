/** `root` joined with the "/"-separated `relative`, which must stay inside `root`. */
export declare function containedPath(root: string, relative: string, where?: string): string;
/** Throws EUNSAFEPATH when a component between `root` (excluded) and `target` is an existing symlink. */
export declare function assertNoSymlinkOnWay(root: string, target: string, where?: string): Promise<void>;
/** Small files read from a store (release.json, settings, manifests) are at most this big. */
export declare const STORED_TEXT_LIMIT_BYTES: number;
/**
 * The bytes of a regular file at `relative` under `root`, or undefined when there
 * is none. Never follows a symlink (on the way or at the end: O_NOFOLLOW), never
 * blocks on a FIFO (O_NONBLOCK), refuses anything but a regular file and anything
 * over `limitBytes`: a store's file is hostile, and `/dev/zero` or a pipe must not
 * hang or fill the run.
 */
export declare function readStoredFile(root: string, relative: string, where?: string, limitBytes?: number): Promise<Buffer | undefined>;
