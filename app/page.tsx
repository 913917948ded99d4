import { startersWithin } from '@/lib/knowledge/starters';
import { getRuntime } from '@/lib/runtime';
import { ChatSession } from './components/chat-session';

export const dynamic = 'force-dynamic';

/** How long the page waits for the knowledge base (its first load) before it shows the chat without starter questions. */
const STARTERS_WAIT_MS = 1_000;

/** The chat with its history; the question length limit comes from the server's config, the starter questions from the FAQ. */
export default async function Page() {
  const rt = getRuntime();
  const starters = await startersWithin(rt.knowledge.get(), STARTERS_WAIT_MS);
  return <ChatSession maxTextChars={rt.config.limits.maxTextChars} starters={starters} />;
}
