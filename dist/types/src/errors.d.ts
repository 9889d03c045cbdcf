/**
 * One error class and one catalog. Every failure the tool reports on purpose is a
 * ReleaseError whose code decides the exit code, so the CLI, the Action and the
 * library all agree on what a failure means.
 */
export declare const EXIT: {
    readonly ok: 0;
    readonly unexpected: 1;
    readonly usage: 2;
    readonly notebook: 3;
    readonly publish: 4;
    readonly verify: 5;
    readonly load: 6;
    readonly gate: 7;
};
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
export declare const CATALOG: {
    EUSAGE: {
        exit: 2;
        hint: string;
    };
    EINVALIDVERSION: {
        exit: 2;
        hint: string;
    };
    ENOVERSION: {
        exit: 2;
        hint: string;
    };
    EINVALIDNAME: {
        exit: 2;
        hint: string;
    };
    ESETTINGSMISSING: {
        exit: 2;
        hint: string;
    };
    ESETTINGSPARSE: {
        exit: 2;
        hint: string;
    };
    ESETTINGSINVALID: {
        exit: 2;
        hint: string;
    };
    ENOTEBOOKMISSING: {
        exit: 2;
        hint: string;
    };
    ENOTEBOOKINVALID: {
        exit: 2;
        hint: string;
    };
    EARTIFACTMISSING: {
        exit: 2;
        hint: string;
    };
    EURIESCAPES: {
        exit: 2;
        hint: string;
    };
    ERUNNERUNKNOWN: {
        exit: 2;
        hint: string;
    };
    ERUNNERMISSING: {
        exit: 2;
        hint: string;
    };
    EPARAM: {
        exit: 2;
        hint: string;
    };
    EREPOMISSING: {
        exit: 2;
        hint: string;
    };
    EREPONOTFOUND: {
        exit: 2;
        hint: string;
    };
    ENOTEBOOKFAILED: {
        exit: 3;
        hint: string;
    };
    ENOTEBOOKTIMEOUT: {
        exit: 3;
        hint: string;
    };
    EVERSIONCONFLICT: {
        exit: 4;
        hint: string;
    };
    EFOLDEROWNER: {
        exit: 4;
        hint: string;
    };
    EEMPTYREPO: {
        exit: 4;
        hint: string;
    };
    EPROTECTED: {
        exit: 4;
        hint: string;
    };
    EAPIRATELIMIT: {
        exit: 4;
        hint: string;
    };
    EJOBTOKEN: {
        exit: 2;
        hint: string;
    };
    ESIGNATURE: {
        exit: 4;
        hint: string;
    };
    ESIGNKEY: {
        exit: 2;
        hint: string;
    };
    EINTEGRITY: {
        exit: 4;
        hint: string;
    };
    EUNSAFEPATH: {
        exit: 4;
        hint: string;
    };
    EMANIFEST: {
        exit: 4;
        hint: string;
    };
    ESTOREDATA: {
        exit: 4;
        hint: string;
    };
    ENOSUCHVERSION: {
        exit: 2;
        hint: string;
    };
    EMETRICSFILE: {
        exit: 2;
        hint: string;
    };
    EGATE: {
        exit: 7;
        hint: string;
    };
    EAUTH: {
        exit: 4;
        hint: string;
    };
    EFORBIDDEN: {
        exit: 4;
        hint: string;
    };
    EREMOTENOTFOUND: {
        exit: 4;
        hint: string;
    };
    EBRANCHMISSING: {
        exit: 4;
        hint: string;
    };
    EUNREACHABLE: {
        exit: 4;
        hint: string;
    };
    EREDIRECT: {
        exit: 4;
        hint: string;
    };
    EPUSHFAILED: {
        exit: 4;
        hint: string;
    };
    ELFSMISSING: {
        exit: 4;
        hint: string;
    };
    EAPILIMIT: {
        exit: 2;
        hint: string;
    };
    EVERIFY: {
        exit: 5;
    };
    EMLSERVERLINE: {
        exit: 2;
        hint: string;
    };
    EIMPLEMENTATION: {
        exit: 2;
        hint: string;
    };
    ERUNTIMEFILE: {
        exit: 2;
        hint: string;
    };
    ENOMLSERVER: {
        exit: 2;
        hint: string;
    };
    ELOADFAILED: {
        exit: 6;
        hint: string;
    };
    ELOADTIMEOUT: {
        exit: 6;
        hint: string;
    };
};
export type ErrorCode = keyof typeof CATALOG;
export declare class ReleaseError extends Error {
    readonly code: ErrorCode;
    readonly details: string[];
    /** The user's file the problem is in, for CI annotations (model-settings.json, the notebook). */
    readonly file?: string;
    /** Where in `file`, when known (1-based), so annotations can point at the line. */
    readonly position?: {
        line: number;
        column: number;
    };
    /** A Markdown table that explains the failure in a job summary (the quality gate's comparison). */
    markdown?: string;
    constructor(code: ErrorCode, message: string, details?: string[], file?: string, position?: {
        line: number;
        column: number;
    });
    get exitCode(): ExitCode;
    get hint(): string | undefined;
}
export declare function isReleaseError(value: unknown): value is ReleaseError;
/** Exit code for anything thrown: catalogued errors keep theirs, the rest are bugs (1). */
export declare function exitCodeOf(error: unknown): ExitCode;
/** The text a user sees: message, every detail on its own line, then the hint. */
export declare function formatError(error: unknown): string;
