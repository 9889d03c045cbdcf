/**
 * Secret redaction. A token can leak in three spellings: as typed, base64-encoded
 * (inside an HTTP Basic header) and URL-encoded (inside a URL). All three are
 * replaced wherever text leaves the process.
 */
export declare class Redactor {
    private readonly needles;
    /** Registers a secret; values shorter than 4 characters would mask ordinary text, so they are refused. */
    add(secret: string | undefined): void;
    get size(): number;
    redact(text: string): string;
}
