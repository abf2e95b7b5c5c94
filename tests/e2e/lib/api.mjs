// Someone calling the API over HTTP, as the admin UI does: a session cookie, and its antiforgery token on unsafe methods.
import assert from 'node:assert/strict';

export class Caller {
  #cookies = new Map();
  #antiforgery = null;

  constructor(baseUrl) {
    this.baseUrl = baseUrl;
  }

  static async signIn(baseUrl, loginName, password) {
    const caller = new Caller(baseUrl);
    const session = await caller.post('/api/v1/access/login', { loginName, password });
    caller.#antiforgery = session.antiforgeryToken;
    return caller;
  }

  /** The cookies the API set, for a browser to carry the same session. */
  get cookies() {
    return [...this.#cookies].map(([name, value]) => ({ name, value, url: this.baseUrl }));
  }

  async send(method, path, body, headers = {}) {
    const request = { method, headers: { ...headers }, redirect: 'manual' };
    if (this.#cookies.size > 0) {
      request.headers.cookie = [...this.#cookies].map(([n, v]) => `${n}=${v}`).join('; ');
    }
    if (this.#antiforgery && method !== 'GET') {
      request.headers['X-XSRF-TOKEN'] = this.#antiforgery;
    }
    if (body !== undefined) {
      request.headers['content-type'] = 'application/json';
      request.body = JSON.stringify(body);
    }
    const response = await fetch(this.baseUrl + path, request);
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const at = pair.indexOf('=');
      this.#cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
    }
    return response;
  }

  /** Sends, asserts the status, and answers the JSON body. */
  async expect(status, method, path, body, headers) {
    const response = await this.send(method, path, body, headers);
    const text = await response.text();
    assert.equal(response.status, status, `${method} ${path}: expected ${status}, got ${response.status}: ${text}`);
    return text ? JSON.parse(text) : null;
  }

  get(path) {
    return this.expect(200, 'GET', path);
  }

  post(path, body) {
    return this.expect(200, 'POST', path, body);
  }

  put(path, body) {
    return this.expect(200, 'PUT', path, body);
  }

  create(path, body) {
    return this.expect(201, 'POST', path, body);
  }

  /** A state change that needs If-Match: reads the ETag first (of readPath, or of the resource the step's path is under). */
  async postWithETag(path, readPath = path.slice(0, path.lastIndexOf('/')), body = undefined) {
    const read = await this.send('GET', readPath);
    assert.equal(read.status, 200, `GET ${readPath}: ${read.status}`);
    return this.expect(200, 'POST', path, body, { 'If-Match': read.headers.get('etag') });
  }

  /** A step of a resource's lifecycle (POST …/{id}/{step}), sent with the version read just before. */
  step(path, body) {
    return this.postWithETag(path, undefined, body);
  }
}
