import { ChatSession } from './components/chat-session';

export default function Page() {
  return <ChatSession />;
}
