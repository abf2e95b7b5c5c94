// The printable results page of a closed congress session opens in a browser and prints cleanly on A4.
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { launchBrowser, suitePatience } from './lib/browser.mjs';
import { holdSession } from './lib/congress.mjs';
import { resultsDir, startHost } from './lib/host.mjs';

// A4 less the page's @page margins (16 mm left and right), in CSS pixels: what a printed line has to fit in.
const printableWidth = Math.floor(((210 - 2 * 16) * 96) / 25.4);

describe('The printable results page', { timeout: suitePatience }, () => {
  let host;
  let browser;
  let session;
  let page;
  const requests = [];
  const problems = [];

  before(async () => {
    await mkdir(resultsDir, { recursive: true });
    host = await startHost();
    session = await holdSession(host.url);
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: printableWidth, height: 1000 } });
    await context.addCookies(session.union.cookies);
    page = await context.newPage();
    page.on('request', (request) => requests.push(request.url()));
    page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
    page.on('pageerror', (error) => problems.push(error.message));
  });

  after(async () => {
    await browser?.close();
    await host?.stop();
  });

  it('opens with the session cookie and shows the results and the signature lines', async () => {
    const url = `${host.url}/api/v1/congress/sessions/${session.sessionId}/results?format=html`;
    const response = await page.goto(url);

    assert.equal(response.status(), 200);
    assert.match(response.headers()['content-type'], /^text\/html/);
    const text = await page.locator('body').innerText();
    assert.match(text, new RegExp(session.enterpriseName));
    assert.match(text, new RegExp(session.sessionName));
    assert.match(text, /应到代表（人）\s*6\s+实到代表（人）\s*5\s+缺席代表（人）\s*1/);
    assert.match(text, new RegExp(`${session.absent.name}\\s+\\S+\\s+缺席`));
    assert.match(text, /应到代表6人，投票5人（网上2人，纸质3人），投票率83\.3%/);
    const items = await page.locator('h3:has-text("集体合同（草案）") + p + table tbody tr').allInnerTexts();
    assert.equal(items.length, 3);
    assert.match(items[0], /1\s+第一部分 工资调整机制.*\s+5\s+0\s+0\s+通过/s);
    assert.match(items[1], /2\s+第二部分 工作时间与休息休假\s+2\s+3\s+0\s+未通过/);
    assert.match(text, /陈建国\s+5\s+当选/);
    const signatures = await page.locator('.signatures .label').allInnerTexts();
    assert.deepEqual(signatures, ['大会主席团（签字）：', '总监票人（签字）：', '监票人（签字）：', '计票人（签字）：', '日期：']);
  });

  it('is self-contained: one request, no scripts, nothing blocked', async () => {
    assert.deepEqual(requests, [`${host.url}/api/v1/congress/sessions/${session.sessionId}/results?format=html`]);
    assert.equal(await page.locator('script').count(), 0);
    assert.deepEqual(problems, []);
  });

  it('fits the printable width of A4, long unbroken text included', async () => {
    await page.emulateMedia({ media: 'print' });

    const layout = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      overflowing: [...document.querySelectorAll('body *')]
        // Past the page's edge, or text running out of its own box (a cell of a fixed-layout table).
        .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 0.5 || element.scrollWidth > element.clientWidth + 1)
        .map((element) => `${element.tagName.toLowerCase()}: ${element.textContent.slice(0, 60)}`),
    }));

    assert.ok(await page.getByText(session.longToken, { exact: false }).isVisible());
    assert.ok(layout.scrollWidth <= printableWidth, `the page is ${layout.scrollWidth}px wide; A4 prints ${printableWidth}px`);
    assert.deepEqual(layout.overflowing, []);
  });

  it('keeps table rows, headings and the signatures from being split across pages', async () => {
    await page.emulateMedia({ media: 'print' });

    const rules = await page.evaluate(() => ({
      rows: [...new Set([...document.querySelectorAll('tr')].map((row) => getComputedStyle(row).breakInside))],
      headers: [...new Set([...document.querySelectorAll('thead')].map((head) => getComputedStyle(head).display))],
      headings: [...new Set([...document.querySelectorAll('h2, h3')].map((heading) => getComputedStyle(heading).breakAfter))],
      signatures: getComputedStyle(document.querySelector('.signatures')).breakInside,
    }));

    assert.deepEqual(rules, { rows: ['avoid'], headers: ['table-header-group'], headings: ['avoid'], signatures: 'avoid' });
  });

  it('prints to an A4 PDF of a sensible number of pages', async () => {
    await page.emulateMedia({ media: 'print' });

    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    await writeFile(join(resultsDir, 'results-page.pdf'), pdf);
    await page.emulateMedia({ media: 'screen' });
    await page.screenshot({ path: join(resultsDir, 'results-page.png'), fullPage: true });

    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    const text = pdf.toString('latin1');
    const pages = text.match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
    assert.ok(pages >= 1 && pages <= 4, `${pages} pages`);
    // Every page is A4 (595 x 842 points), as @page asks.
    const boxes = [...text.matchAll(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map((m) => [Math.round(m[1]), Math.round(m[2])]);
    assert.ok(boxes.length >= pages, 'every page has a media box');
    assert.deepEqual([...new Set(boxes.map((box) => box.join('x')))], ['595x842']);
  });
});
