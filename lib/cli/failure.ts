import { inspect } from 'node:util';
import { isAppError } from '../errors';

/**
 * What a command-line tool prints when its work fails. A typed error says what to do in its
 * Chinese message; anything else is a bug, shown as its first line with a hint. `verbose` adds
 * the stack, the cause and a typed error's detail.
 */
export function describeFailure(e: unknown, verbose: boolean): string {
  if (isAppError(e)) {
    const head = `错误:${e.message}`;
    if (!verbose) return head;
    const detail = e.detail === undefined ? '' : `\n${inspect(e.detail, { depth: 6, colors: false })}`;
    return `${head}${detail}\n${inspect(e, { depth: 4, colors: false })}`;
  }
  if (verbose) return `错误:${inspect(e, { depth: 4, colors: false })}`;
  const io = e as NodeJS.ErrnoException;
  if (io?.code === 'ENOENT' && io.path) return `错误:找不到文件 ${io.path}`;
  if (io?.code === 'EACCES' && io.path) return `错误:没有权限访问 ${io.path}`;
  const first = (e instanceof Error ? `${e.name}: ${e.message}` : String(e)).split('\n')[0];
  return `错误:${first}(加 --verbose 或设置 DEBUG=1 查看详情)`;
}
