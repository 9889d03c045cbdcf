export declare function writeTempFiles(files: Array<{
    path: string;
    content: Buffer;
    kind?: string;
}>): Promise<{
    dir: string;
    files: Array<{
        path: string;
        source: string;
    }>;
    remove: () => Promise<void>;
}>;
