import { MODEL_ID } from './request';

/** OpenAI's model object for the knowledge base; `created` is when its index was built. */
export function modelObject(builtAt: string) {
  return { id: MODEL_ID, object: 'model' as const, created: Math.floor(Date.parse(builtAt) / 1000) || 0, owned_by: 'faq-assistant' };
}

/** GET /v1/models: one model per knowledge base (this server has one). */
export function modelList(builtAt: string) {
  return { object: 'list' as const, data: [modelObject(builtAt)] };
}
