import { getRuntime } from '@/lib/runtime';
import { ChatSession } from './components/chat-session';

export const dynamic = 'force-dynamic';

/** The chat with its history; the question length limit comes from the server's config. */
export default function Page() {
  return <ChatSession maxTextChars={getRuntime().config.limits.maxTextChars} />;
}
