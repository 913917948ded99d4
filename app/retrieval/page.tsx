import { startersWithin } from '@/lib/knowledge/starters';
import { getRuntime } from '@/lib/runtime';
import { KnowledgeBanner } from '../components/knowledge-banner';
import { RetrievalTester } from './retrieval-tester';

export const dynamic = 'force-dynamic';
export const metadata = { title: '命中测试' };

/** How long the page waits for the knowledge base (its first load) before it shows without an example question. */
const EXAMPLE_WAIT_MS = 1_000;

/**
 * 命中测试: the question length limit comes from the server's config, as in the chat, and the example question from the loaded FAQ
 * (another FAQ's, not a payments question it would refuse); a banner while the FAQ files are broken.
 */
export default async function RetrievalPage() {
  const rt = getRuntime();
  const [example] = await startersWithin(rt.knowledge.get(), EXAMPLE_WAIT_MS);
  return (
    <>
      <KnowledgeBanner />
      <RetrievalTester maxTextChars={rt.config.limits.maxTextChars} example={example} />
    </>
  );
}
