/** `root` joined with the "/"-separated `relative`, which must stay inside `root`. */
export declare function containedPath(root: string, relative: string, where?: string): string;
/** Throws EUNSAFEPATH when a component between `root` (excluded) and `target` is an existing symlink. */
export declare function assertNoSymlinkOnWay(root: string, target: string, where?: string): Promise<void>;
