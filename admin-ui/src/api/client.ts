import createClient, { type Middleware } from 'openapi-fetch';
import { translate, type Locale, type MessageKey } from '../i18n/messages';
import { shellMessages } from '../shell/messages';
import type { components, paths } from './schema';

export type Problem = components['schemas']['ApiProblem'];

/**
 * The session the browser holds: the cookie travels by itself; unsafe requests also carry the antiforgery token the
 * API handed out at sign-in (or on /me), and every request says which organisation the user acts for and which
 * language the user reads (the API words its refusals in it).
 */
const session: { antiforgeryToken?: string; organisationId?: string; language: Locale } = { language: 'zh-CN' };

/** The language the app speaks (the I18n layer tells it): the API's answers and the app's own words for failures follow. */
export function speak(locale: Locale) {
  session.language = locale;
}

export function rememberAntiforgeryToken(token: string | null | undefined) {
  session.antiforgeryToken = token ?? undefined;
}

export function actFor(organisationId: string | undefined) {
  session.organisationId = organisationId;
  if (organisationId) {
    localStorage.setItem('workforce.organisation', organisationId);
  } else {
    localStorage.removeItem('workforce.organisation');
  }
}

export function lastOrganisation(): string | undefined {
  return localStorage.getItem('workforce.organisation') ?? undefined;
}

const sessionHeaders: Middleware = {
  onRequest({ request }) {
    if (!['GET', 'HEAD', 'OPTIONS'].includes(request.method) && session.antiforgeryToken) {
      request.headers.set('X-XSRF-TOKEN', session.antiforgeryToken);
    }
    if (session.organisationId) {
      request.headers.set('X-Organisation-Id', session.organisationId);
    }
    request.headers.set('Accept-Language', session.language);
    return request;
  },
};

export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });
api.use(sessionHeaders);

/** A failed call's problem document, thrown so that TanStack Query and forms see one kind of error. */
export class ProblemError extends Error {
  /** `worded`: the detail is already the app's own words for the problem (see i18n/problemText). */
  constructor(public readonly status: number, public readonly problem: Problem, public readonly worded = false) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
  }
}

/** Whether a failed call's body is the API's problem document (rather than a proxy's page, text or nothing). */
const isProblemDocument = (body: unknown): body is Problem =>
  typeof body === 'object' && body !== null && !Array.isArray(body)
  && (typeof (body as Problem).title === 'string' || typeof (body as Problem).detail === 'string');

/** The app's own words for a failed answer that is no problem document, by its status. */
export function unexpectedAnswer(status: number): MessageKey {
  if ([401, 403, 404, 413, 429].includes(status)) {
    return `error.status.${status}` as MessageKey;
  }
  if ([502, 503, 504].includes(status)) {
    return 'error.unavailable';
  }
  return status >= 500 ? 'error.server' : 'error.refused';
}

/**
 * What a failed call throws: the API's problem document as it came (in the user's language, as asked), or, when
 * something else answered (a proxy's "Internal Server Error", an empty 502), the app's own words for its status.
 */
export function failure(response: Response, body: unknown): ProblemError {
  const requestId = response.headers.get('X-Request-Id') ?? undefined;
  if (isProblemDocument(body)) {
    return new ProblemError(response.status, { requestId, ...body });
  }
  const words = translate(shellMessages, session.language, unexpectedAnswer(response.status), { status: response.status });
  return new ProblemError(response.status, { status: response.status, title: words, detail: words, requestId }, true);
}

/** The data of a call that succeeded; a ProblemError for one that did not. */
export async function ok<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) {
    throw failure(response, error);
  }
  return data as T;
}
