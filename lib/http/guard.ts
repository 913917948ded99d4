import { RateLimitError } from '../errors';
import { clientKey } from './client-key';
import type { RateLimiter } from './rate-limit';

/** Throws RateLimitError when this client has used up its requests. */
export function enforceRateLimit(request: Request, limiter: RateLimiter): void {
  const decision = limiter(clientKey(request.headers));
  if (!decision.ok) throw new RateLimitError(decision.retryAfterSeconds);
}
