import type { AppConfig } from '../config';
import { RateLimitError } from '../errors';
import { clientKey } from './client-key';
import { processRateLimiter } from './rate-limit';

/** Throws RateLimitError when this client has used up its requests. */
export function enforceRateLimit(request: Request, config: Pick<AppConfig, 'rateLimit'>): void {
  const decision = processRateLimiter(config.rateLimit)(clientKey(request.headers));
  if (!decision.ok) throw new RateLimitError(decision.retryAfterSeconds);
}
