import { createHash, randomUUID } from 'node:crypto';
import type { ExchangeContext } from '../conversations/record';
import type { CompletionRequest } from './request';

/**
 * Where an answer given through the API is logged, so the miss queue and the insights see API questions as they see the chat's:
 * the caller as the client (`v1:key:3fa9c0d1`: never the hex id of a browser's cookie, so no chat user lists these), and one
 * conversation per caller and first question, since the protocol sends the whole conversation with every request and names none.
 *
 * @example
 * apiExchange('key:3fa9c0d1', req) // { id: <uuid>, clientId: 'v1:key:3fa9c0d1', conversationId: 'v1-<32 hex>' }
 */
export function apiExchange(caller: string, req: CompletionRequest): ExchangeContext {
  const first = req.input.history?.find((t) => t.role === 'user')?.text ?? req.input.question;
  const conversation = createHash('sha256').update(`${caller}\n${first}`).digest('hex').slice(0, 32);
  return { id: randomUUID(), clientId: `v1:${caller}`, conversationId: `v1-${conversation}` };
}
