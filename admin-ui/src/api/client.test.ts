import { afterEach, describe, expect, it } from 'vitest';
import { api, ok, ProblemError, speak, unexpectedAnswer } from './client';

/** A fetch that answers `answer` and keeps the requests it was given. */
function server(answer: () => Response) {
  const requests: Request[] = [];
  const fetch = async (request: Request) => {
    requests.push(request);
    return answer();
  };
  return { requests, fetch };
}

const me = (fetch: (request: Request) => Promise<Response>) =>
  ok(api.GET('/api/v1/access/me', { baseUrl: 'http://app.test', fetch }));

const failureOf = async (answer: () => Response) => {
  try {
    await me(server(answer).fetch);
  } catch (error) {
    return error as ProblemError;
  }
  throw new Error('the call did not fail');
};

afterEach(() => speak('zh-CN'));

describe('the API client', () => {
  it('asks for answers in the language the app speaks', async () => {
    const { requests, fetch } = server(() => Response.json({ id: '1' }));
    await me(fetch);
    speak('en');
    await me(fetch);
    expect(requests.map((r) => r.headers.get('Accept-Language'))).toEqual(['zh-CN', 'en']);
  });

  it('throws the API’s problem document as it came, in the language asked for', async () => {
    const problem = { status: 403, code: 'forbidden', title: '您无权进行此操作。', requestId: '0HN7:00000001' };
    const error = await failureOf(() => Response.json(problem, { status: 403, headers: { 'Content-Type': 'application/problem+json' } }));
    expect(error).toBeInstanceOf(ProblemError);
    expect(error.status).toBe(403);
    expect(error.message).toBe('您无权进行此操作。');
    expect(error.problem.requestId).toBe('0HN7:00000001');
    expect(error.worded).toBe(false);
  });

  it('says in its own words, in the user’s language, what answered with no problem document', async () => {
    const text = await failureOf(() => new Response('Internal Server Error', { status: 500, headers: { 'Content-Type': 'text/plain', 'X-Request-Id': '0HN7:2' } }));
    expect(text.message).toBe('服务器出错（500），请稍后重试。');
    expect(text.problem.requestId).toBe('0HN7:2');
    expect(text.worded).toBe(true);

    const empty = await failureOf(() => new Response(null, { status: 502, statusText: 'Bad Gateway', headers: { 'Content-Length': '0' } }));
    expect(empty.message).toBe('服务器暂时无法响应（502），请稍后重试。');

    const page = await failureOf(() => new Response('<html><body>413 Request Entity Too Large</body></html>', { status: 413, headers: { 'Content-Type': 'text/html' } }));
    expect(page.message).toBe('内容过大，服务器未接收（413）。');

    speak('en');
    const json = await failureOf(() => Response.json({ message: 'upstream timed out' }, { status: 504 }));
    expect(json.message).toBe('The server is not answering right now (504); try again shortly.');
  });

  it('words each status it may meet without a problem document', () => {
    expect(unexpectedAnswer(500)).toBe('error.server');
    expect(unexpectedAnswer(501)).toBe('error.server');
    expect(unexpectedAnswer(503)).toBe('error.unavailable');
    expect(unexpectedAnswer(401)).toBe('error.status.401');
    expect(unexpectedAnswer(429)).toBe('error.status.429');
    expect(unexpectedAnswer(418)).toBe('error.refused');
  });
});
