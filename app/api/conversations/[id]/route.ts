import { conversationTurns, deleteConversationOf, renameConversationOf } from '@/lib/conversations/service';
import { BadRequestError } from '@/lib/errors';
import { readClientId } from '@/lib/http/client-id';
import { errorResponse } from '@/lib/http/error-response';
import { enforceSameOrigin, guardBrowserPost } from '@/lib/http/guard';
import { readJsonBody } from '@/lib/http/read-body';
import { getRuntime } from '@/lib/runtime';
import { hasControlCharacters } from '@/lib/text/typed-text';
import { parseRename } from './schema';
import { toUIMessages } from './ui-messages';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ id: string }> };

async function conversationId(params: Params['params']): Promise<string> {
  const { id } = await params;
  if (id.length === 0 || id.length > 200 || hasControlCharacters(id)) throw new BadRequestError('对话编号不正确。');
  return id;
}

/** GET /api/conversations/:id: this browser's conversation as UI messages; 404 for any other. */
export async function GET(request: Request, { params }: Params): Promise<Response> {
  try {
    const rt = getRuntime();
    const turns = await conversationTurns(
      { store: rt.store, log: rt.conversationLog },
      await rt.knowledge.get(),
      readClientId(request.headers),
      await conversationId(params),
    );
    return Response.json({ messages: toUIMessages(turns) }, { headers: { 'cache-control': 'no-store' } });
  } catch (e) {
    return errorResponse(e);
  }
}

/** DELETE /api/conversations/:id: deletes this browser's conversation. */
export async function DELETE(request: Request, { params }: Params): Promise<Response> {
  try {
    const rt = getRuntime();
    enforceSameOrigin(request, rt.config.allowedOrigins);
    await deleteConversationOf({ store: rt.store, log: rt.conversationLog }, readClientId(request.headers), await conversationId(params));
    return new Response(null, { status: 204 });
  } catch (e) {
    return errorResponse(e);
  }
}

/** PATCH /api/conversations/:id `{ title }`: renames this browser's conversation. */
export async function PATCH(request: Request, { params }: Params): Promise<Response> {
  try {
    const rt = getRuntime();
    guardBrowserPost(request, rt.config.allowedOrigins);
    const id = await conversationId(params);
    const { title } = parseRename(await readJsonBody(request, 4_096));
    const kept = await renameConversationOf(
      { store: rt.store, log: rt.conversationLog, redact: rt.config.log.redact },
      readClientId(request.headers),
      id,
      title,
    );
    return Response.json({ id, title: kept }, { headers: { 'cache-control': 'no-store' } });
  } catch (e) {
    return errorResponse(e);
  }
}
