import { getRuntime } from '@/lib/runtime';
import { KnowledgeBanner } from '../components/knowledge-banner';
import { RetrievalTester } from './retrieval-tester';

export const dynamic = 'force-dynamic';
export const metadata = { title: '命中测试' };

/** 命中测试: the question length limit comes from the server's config, as in the chat; a banner while the FAQ files are broken. */
export default function RetrievalPage() {
  return (
    <>
      <KnowledgeBanner />
      <RetrievalTester maxTextChars={getRuntime().config.limits.maxTextChars} />
    </>
  );
}
