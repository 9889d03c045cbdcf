/**
 * Secret redaction. A token can leak in three spellings: as typed, base64-encoded
 * (inside an HTTP Basic header) and URL-encoded (inside a URL). All three are
 * replaced wherever text leaves the process.
 */

const MASK = '***';

export class Redactor {
  private readonly needles = new Set<string>();

  /** `onSecret` hears every new spelling, so a CI that masks its own logs can mask it too. */
  constructor(private readonly onSecret?: (spelling: string) => void) {}

  /** Registers a secret; values shorter than 4 characters would mask ordinary text, so they are refused. */
  add(secret: string | undefined): void {
    if (!secret || secret.length < 4) return;
    for (const form of spellings(secret)) {
      if (form.length < 4 || this.needles.has(form)) continue;
      this.needles.add(form);
      this.onSecret?.(form);
    }
  }

  get size(): number {
    return this.needles.size;
  }

  /** True when `text` holds any spelling of any registered secret. */
  reveals(text: string): boolean {
    for (const needle of this.needles) if (text.includes(needle)) return true;
    return false;
  }

  redact(text: string): string {
    if (this.needles.size === 0) return text;
    let out = text;
    // Longest first, so a secret that contains another is masked whole.
    for (const needle of [...this.needles].sort((a, b) => b.length - a.length)) {
      out = out.split(needle).join(MASK);
    }
    return out;
  }
}

function spellings(secret: string): string[] {
  const base64 = Buffer.from(secret, 'utf8').toString('base64');
  return [
    secret,
    base64,
    base64.replace(/=+$/, ''),
    Buffer.from(secret, 'utf8').toString('base64url'),
    encodeURIComponent(secret),
    // Some clients write percent escapes in lower case (%2b for +).
    encodeURIComponent(secret).replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()),
  ];
}
