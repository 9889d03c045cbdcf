/**
 * The fetch both API clients use: credentials only ever go to the origin the
 * user named (a redirect elsewhere is refused, naming both origins), and every
 * request has a deadline (--network-timeout) with the cause named on failure.
 */
import { ReleaseError } from '../../errors.js';
import { describeNetworkError } from '../../publish/network.js';

export function originBoundFetch(timeoutMs: number): typeof fetch {
  return async (input: string | URL | Request, init?: RequestInit) => {
    let request = new Request(input, init);
    const origin = new URL(request.url).origin;
    for (let hop = 0; hop < 5; hop++) {
      let response: Response;
      try {
        response = await fetch(request, { redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
      } catch (error) {
        throw new ReleaseError('EUNREACHABLE', `The host API did not answer: ${describeNetworkError(error, request.url, timeoutMs)}`);
      }
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location) return response;
      await response.body?.cancel();
      const next = new URL(location, request.url);
      if (next.origin !== origin) {
        throw new ReleaseError('EREDIRECT', `${origin} redirected the API request to ${next.origin}; the token is only sent to the origin you named, so the redirect was not followed`);
      }
      request = new Request(next, request);
    }
    throw new ReleaseError('EUNREACHABLE', `The host API at ${origin} redirected too many times`);
  };
}
