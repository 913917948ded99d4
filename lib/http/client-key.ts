/**
 * The client a request counts against: the first hop of X-Forwarded-For (the original
 * client as the outermost proxy saw it), else X-Real-IP, else one shared key for
 * direct local use. Values are capped so a forged header cannot grow the limiter's map keys.
 */
export function clientKey(headers: Headers): string {
  const forwarded = headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  const key = forwarded || headers.get('x-real-ip')?.trim() || 'local';
  return key.slice(0, 100);
}
