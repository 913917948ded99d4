import type { AnswerEvent, AnswerResult } from './types';

/**
 * The answer's events, passed through unchanged, with the complete answer handed to `done` before the final event goes out (the
 * conversation log, for the chat and for the API).
 *
 * @example
 * for await (const ev of onComplete(streamAnswer(input, deps), (result) => log.record(result, ctx))) send(ev);
 */
export async function* onComplete(events: AsyncIterable<AnswerEvent>, done: (result: AnswerResult) => void): AsyncGenerator<AnswerEvent> {
  for await (const ev of events) {
    if (ev.type === 'done') done(ev.result);
    yield ev;
  }
}
