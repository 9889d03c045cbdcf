/**
 * Secret redaction. A token can leak in three spellings: as typed, base64-encoded
 * (inside an HTTP Basic header) and URL-encoded (inside a URL). All three are
 * replaced wherever text leaves the process.
 */
export declare class Redactor {
    private readonly onSecret?;
    private readonly needles;
    /** `onSecret` hears every new spelling, so a CI that masks its own logs can mask it too. */
    constructor(onSecret?: ((spelling: string) => void) | undefined);
    /** Registers a secret; values shorter than 4 characters would mask ordinary text, so they are refused. */
    add(secret: string | undefined): void;
    get size(): number;
    /** True when `text` holds any spelling of any registered secret. */
    reveals(text: string): boolean;
    redact(text: string): string;
}
