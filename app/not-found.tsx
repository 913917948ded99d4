import Link from 'next/link';

export default function NotFound() {
  return (
    <div className="entry">
      <h1 style={{ fontSize: 18 }}>页面不存在</h1>
      <p>没有找到这个 FAQ 条目或页面,编号可能有误。</p>
      <p>
        <Link href="/faq">浏览全部 FAQ</Link> 或 <Link href="/">返回问答</Link>
      </p>
    </div>
  );
}
