import { getRuntime } from '@/lib/runtime';
import { RetrievalTester } from './retrieval-tester';

export const dynamic = 'force-dynamic';
export const metadata = { title: '命中测试 · 商户 FAQ 助手' };

/** 命中测试: the question length limit comes from the server's config, as in the chat. */
export default function RetrievalPage() {
  return <RetrievalTester maxTextChars={getRuntime().config.limits.maxTextChars} />;
}
