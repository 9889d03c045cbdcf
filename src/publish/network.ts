/**
 * Network deadlines and the words for network failures. Every network step has a
 * deadline (--network-timeout), git gets low-speed limits so a stalled transfer
 * ends, and a failure names its cause instead of "fetch failed".
 */

export const DEFAULT_NETWORK_TIMEOUT_S = 120;
export const DEFAULT_NETWORK_TIMEOUT_MS = DEFAULT_NETWORK_TIMEOUT_S * 1000;

/** "connection refused", "DNS: ...", "TLS: ...", "timed out after 30s" from a fetch error. */
export function describeNetworkError(error: unknown, url: string, timeoutMs: number): string {
  const err = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  const host = safeHost(url);
  if (err?.name === 'TimeoutError' || err?.name === 'AbortError') return `${host} did not answer within ${Math.round(timeoutMs / 1000)}s (timeout)`;
  const code = err?.cause?.code ?? '';
  if (code === 'ECONNREFUSED') return `connection refused by ${host}`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `DNS: the host ${host} was not found`;
  if (code === 'ECONNRESET') return `${host} closed the connection`;
  if (code === 'ETIMEDOUT' || code === 'UND_ERR_CONNECT_TIMEOUT') return `connecting to ${host} timed out`;
  if (/CERT|SSL|TLS/i.test(code) || /certificate|TLS|SSL/i.test(err?.cause?.message ?? '')) return `TLS: ${err?.cause?.message ?? code} (${host})`;
  return `${host}: ${err?.cause?.message ?? err?.message ?? String(error)}`;
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'the remote';
  }
}

/** Logs "still waiting" every `everyMs` while a network step runs; returns the function that stops it. */
export function progressTicker(log: { info(message: string): void }, what: string, everyMs = 10_000): () => void {
  const started = Date.now();
  const timer = setInterval(() => log.info(`${what}: still waiting (${Math.round((Date.now() - started) / 1000)}s)`), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** True for 127.0.0.0/8, ::1 and localhost: plain http there never leaves the machine. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/**
 * git config for every git network command: no redirects (the auth header is
 * scoped to the URL the user named), and a transfer slower than 1 KiB/s for the
 * whole deadline is stopped.
 */
export function gitNetworkConfig(timeoutMs: number): Array<[string, string]> {
  return [
    ['http.followRedirects', 'false'],
    ['http.lowSpeedLimit', '1024'],
    ['http.lowSpeedTime', String(Math.max(1, Math.round(timeoutMs / 1000)))],
  ];
}
