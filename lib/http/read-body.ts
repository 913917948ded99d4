import { BadRequestError } from '../errors';
import { refusals } from './request-screen';

/** Reads the next chunk, or throws `onTimeout()` once `deadline` (epoch ms) has passed. */
async function readBefore<T>(read: () => Promise<T>, deadline: number, onTimeout: () => Error): Promise<T> {
  if (!Number.isFinite(deadline)) return read();
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), Math.max(0, deadline - Date.now()));
  });
  try {
    return await Promise.race([read(), late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Reads a JSON request body, refusing more than `maxBytes` before anything is parsed:
 * first by Content-Length, then by counting bytes as they stream in (the header may lie or be absent).
 * The whole body must arrive within `timeoutMs` (a client dripping a byte a second is cut off).
 * Throws BadRequestError: 413 when too large, 408 when too slow, 415 when compressed, 400 when empty, not UTF-8 or not JSON.
 */
export async function readJsonBody(request: Request, maxBytes: number, timeoutMs = Number.POSITIVE_INFINITY): Promise<unknown> {
  const tooLarge = () => new BadRequestError(`请求内容过大(上限 ${Math.floor(maxBytes / 1024)} KB),请缩短问题或对话后重试。`, { status: 413 });
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  if (!request.body) throw new BadRequestError('请求内容为空,需要 JSON 格式的对话消息。');
  // A compressed body would read as bytes that are no JSON: say what is wrong (a client set to gzip its requests).
  const encoding = request.headers.get('content-encoding')?.trim().toLowerCase();
  if (encoding && encoding !== 'identity')
    throw new BadRequestError(`不支持压缩的请求内容(content-encoding: ${encoding.slice(0, 40)}),请发送未压缩的 UTF-8 JSON。`, { status: 415 });

  const deadline = Date.now() + timeoutMs;
  const tooSlow = () => new BadRequestError(refusals.timeout(Math.max(1, Math.round(timeoutMs / 1000))).message, { status: 408 });
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await readBefore(() => reader.read(), deadline, tooSlow);
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) throw tooLarge();
      chunks.push(value);
    }
  } catch (e) {
    await reader.cancel().catch(() => undefined);
    throw e;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    // GBK or another encoding: read as UTF-8 it would be a garbled question, answered and queued as a miss.
    throw new BadRequestError('请求内容不是 UTF-8 编码,请以 UTF-8 发送 JSON。');
  }
  if (text.trim() === '') throw new BadRequestError('请求内容为空,需要 JSON 格式的对话消息。');
  try {
    return JSON.parse(text);
  } catch {
    throw new BadRequestError('请求格式错误,需要 JSON。请检查请求内容是否为合法的 JSON。');
  }
}
