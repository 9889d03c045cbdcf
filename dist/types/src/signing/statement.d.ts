export declare const STATEMENT_TYPE = "https://in-toto.io/Statement/v1";
export declare const PREDICATE_TYPE = "https://model_signing/signature/v1.0";
export declare const SIGNATURE_FILE = "model.sig";
/** What model_signing leaves out by default (the signature, git's files), as it records them. */
export declare const IGNORED_PATHS: string[];
export interface SignedFile {
    /** "/"-separated path in the folder. */
    path: string;
    /** sha256, hex. */
    sha256: string;
}
export interface Statement {
    _type: string;
    subject: Array<{
        name: string;
        digest: {
            sha256: string;
        };
    }>;
    predicateType: string;
    predicate: {
        serialization: {
            method: string;
            hash_type: string;
            allow_symlinks: boolean;
            ignore_paths?: string[];
        };
        resources: Array<{
            name: string;
            algorithm: string;
            digest: string;
        }>;
    };
}
/** Python's PurePosixPath order: compare the components, each by code point. */
export declare function comparePaths(a: string, b: string): number;
/** Whether model_signing leaves a path out: it is, or is under, an ignored path. */
export declare function isIgnored(file: string, ignored?: string[]): boolean;
export declare function rootDigest(resources: Array<{
    digest: string;
}>): string;
/** The statement for a folder named `name` holding `files` (the ignored ones are left out). */
export declare function statementFor(name: string, files: SignedFile[]): Statement;
