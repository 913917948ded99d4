import { BadRequestError } from '../errors';

/**
 * Reads a JSON request body, refusing more than `maxBytes` before anything is parsed:
 * first by Content-Length, then by counting bytes as they stream in (the header may lie or be absent).
 * Throws BadRequestError: 413 when too large, 400 when empty or not JSON.
 */
export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  const tooLarge = () => new BadRequestError(`请求内容过大(上限 ${Math.floor(maxBytes / 1024)} KB),请缩短问题或对话后重试。`, { status: 413 });
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  if (!request.body) throw new BadRequestError('请求内容为空,需要 JSON 格式的对话消息。');

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  const text = new TextDecoder('utf-8', { fatal: false }).decode(Buffer.concat(chunks));
  if (text.trim() === '') throw new BadRequestError('请求内容为空,需要 JSON 格式的对话消息。');
  try {
    return JSON.parse(text);
  } catch {
    throw new BadRequestError('请求格式错误,需要 JSON。请检查请求内容是否为合法的 JSON。');
  }
}
