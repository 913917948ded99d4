import { getRuntime } from '@/lib/runtime';
import { Chat } from './components/chat';

export const dynamic = 'force-dynamic';

/** The chat page; the question length limit comes from the server's config. */
export default function Page() {
  return <Chat maxTextChars={getRuntime().config.limits.maxTextChars} />;
}
