// The machine's Chromium, driven headless by playwright-core, and the admin web app's sign-in page.
import { mkdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';
import { newEnterprise } from './enterprise.mjs';
import { resultsDir, startHost } from './host.mjs';

export const screenshots = join(resultsDir, 'screenshots');

/**
 * Run in every page before its own scripts: a Content-Security-Policy violation (a style or script the policy blocked)
 * becomes an uncaught error, which each test's `pageerror` handler collects with the page's other errors.
 */
function reportPolicyViolations() {
  document.addEventListener('securitypolicyviolation', (violation) => {
    setTimeout(() => {
      throw new Error(`Content-Security-Policy violation: ${violation.violatedDirective} blocked ${violation.blockedURI || 'an inline resource'}`
        + ` in ${violation.sourceFile || violation.documentURI}:${violation.lineNumber}`);
    });
  });
}

/**
 * The time zone of the enterprises the tests make (Asia/Shanghai, the API's default), which their people's browsers
 * are in: a page's "today" and a test's agree with the API's whatever the machine's own zone and hour.
 */
export const timeZone = 'Asia/Shanghai';

/** Today's date (yyyy-MM-dd) where the enterprise is. */
export const enterpriseToday = () => new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date());

/**
 * How long a test lets a step (a page to show something, an answer to arrive) or a describe block take before it is
 * failed as hung. Every wait is for a state the user sees, never for a time; these are only bounds, made generous so
 * that a slow or busy machine (another build beside the suite) is never taken for a broken app.
 */
export const stepPatience = 120_000;
export const suitePatience = 20 * 60_000;

/**
 * The machine's Chromium; every context it opens is in the enterprises' time zone, asks for reduced motion (so that no
 * click lands on a dialog or list still moving in: seen on a busy machine, where the click was lost), and reports policy
 * violations as page errors.
 */
export async function launchBrowser() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext({ timezoneId: timeZone, reducedMotion: 'reduce', ...options });
    context.setDefaultTimeout(stepPatience);
    await context.addInitScript(reportPolicyViolations);
    return context;
  };
  const close = browser.close.bind(browser);
  browser.close = async () => {
    await keepLastPages(browser);
    return close();
  };
  return browser;
}

/**
 * Keeps what each page still open shows as its browser closes (in .test-results/e2e/last-pages, named after the test
 * file), so that a test that failed leaves the screen it failed on.
 */
async function keepLastPages(browser) {
  const dir = join(resultsDir, 'last-pages');
  await mkdir(dir, { recursive: true });
  const file = basename(process.argv[1] ?? 'test', '.test.mjs');
  const pages = browser.contexts().flatMap((context) => context.pages());
  for (const [i, page] of pages.entries()) {
    await page.screenshot({ path: join(dir, `${file}-${i + 1}.png`), fullPage: true, timeout: 10_000 }).catch(() => { /* a page already closing */ });
  }
}

/** A button's accessible name: Ant Design puts a space between the two characters of a two-character label ("结 案"). */
export const buttonName = (text) => new RegExp(`^${[...text].join('\\s?')}$`);

export const signInButton = (page) => page.getByRole('button', { name: buttonName('登录') });

/**
 * Closes an edit dialog holding unsaved changes as a person does: 取消, then 放弃修改 in the question that asks, and
 * returns once the question and the dialog are both gone (while the question is up, two dialogs are on the page).
 */
export async function discardChanges(page, dialog) {
  await dialog.getByRole('button', { name: buttonName('取消') }).click();
  const question = page.getByRole('dialog').filter({ hasText: '放弃修改？' });
  await question.getByRole('button', { name: '放弃修改' }).click();
  await question.waitFor({ state: 'detached' });
  await dialog.waitFor({ state: 'detached' });
}

/**
 * Opens a screen from the menu as on a screen narrower than a laptop's: the header's 菜单 button, then the group and
 * its entry in the drawer, which closes once the entry is chosen.
 */
export async function openFromMenuDrawer(page, group, entry) {
  await page.getByRole('button', { name: '菜单' }).click();
  const menu = page.getByRole('dialog', { name: '菜单' });
  await menu.getByRole('menuitem', { name: group }).click();
  await menu.getByRole('menuitem', { name: entry }).click();
  await menu.waitFor({ state: 'hidden' });
}

/** Opens the app and signs in on its page as a person would, until it shows `landsOn` (the home page's greeting). */
export async function signInOnPage(page, baseUrl, loginName, password, landsOn = '欢迎，') {
  await page.goto(baseUrl);
  await page.getByLabel('登录名').fill(loginName);
  await page.getByLabel('密码').fill(password);
  await signInButton(page).click();
  await page.getByText(landsOn).waitFor();
}

/** A page of its own carrying an API caller's session (cookies), at the viewport given; its errors go to `problems`. */
export async function pageAs(browser, caller, viewport, problems) {
  const context = await browser.newContext({ viewport, locale: 'zh-CN' });
  await context.addCookies(caller.cookies);
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(error.message));
  return page;
}

/**
 * Picks an option of the open Ant Design select by its text (its ARIA options are hidden stand-ins) once the list has
 * what it is still loading (a list that re-renders under the pointer as search results arrive swallows a click), and
 * waits for the pick to show: the list closes or, choosing several, the option is marked chosen.
 */
export async function chooseOption(page, text) {
  const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: new RegExp(`^${text}$`) });
  await option.waitFor();
  await page.waitForFunction(() => !document.querySelector('.ant-select-arrow-loading, .ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-spin'));
  await option.click();
  await page.waitForFunction((picked) => {
    const open = document.querySelector('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
    return !open || open.getBoundingClientRect().height === 0
      || [...open.querySelectorAll('.ant-select-item-option-selected')].some((o) => new RegExp(`^${picked}$`).test(o.textContent));
  }, text);
}

/**
 * Picks a node of the open tree select by typing its name into the select's search (which unfolds the branch holding
 * it) and clicking it; then waits for the list to close.
 */
export async function chooseTreeNode(page, text) {
  await page.keyboard.type(text);
  const node = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-tree-node-content-wrapper')
    .filter({ hasText: new RegExp(`^${text}$`) });
  await node.waitFor();
  await node.click();
  await page.waitForFunction(() => {
    const open = document.querySelector('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
    return !open || open.getBoundingClientRect().height === 0;
  });
}

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Picks a search result of the select being typed in, as a keyboard user does: once the results are in, the arrow keys
 * move the highlight to the option and Enter picks it; then it waits for the list to close. A click on a list of
 * results can be lost (seen twice in four suite runs: the list stayed open, unpicked, under the pointer); the
 * highlight is the select's own state and does not depend on where the list is drawn.
 */
export async function chooseSearchResult(page, text) {
  const wanted = new RegExp(`^${text}$`);
  const list = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  await list.locator('.ant-select-item-option').filter({ hasText: wanted }).waitFor();
  await page.waitForFunction(() => !document.querySelector('.ant-select-arrow-loading, .ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-spin'));
  const active = list.locator('.ant-select-item-option-active');
  const highlighted = async () => ((await active.count()) > 0 ? (await active.first().textContent()) : null);
  const passed = new Set();
  for (let before = await highlighted(); !wanted.test(before ?? ''); before = await highlighted()) {
    if (passed.has(before)) {
      throw new Error(`The arrow keys went round the results without reaching "${text}".`);
    }
    passed.add(before);
    await page.keyboard.press('ArrowDown');
    await (before === null ? active : active.filter({ hasNotText: new RegExp(`^${escapeRegExp(before)}$`) })).first().waitFor();
  }
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => ![...document.querySelectorAll('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')]
    .some((open) => open.getBoundingClientRect().height > 0));
}

/**
 * For a describe block: the Host on a fresh database, a new enterprise (`setup`, with its union administrator), and a
 * page of the app signed in as that administrator; all stopped after. `prepare` runs against the API before the
 * browser opens; `clipboard` lets the page read and write the clipboard; `hostSettings` configure the Host.
 */
export function appAsUnion({ prepare, clipboard = false, viewport = { width: 1366, height: 800 }, hostSettings = [] } = {}) {
  const app = { problems: [] };
  before(async () => {
    await mkdir(screenshots, { recursive: true });
    app.host = await startHost(hostSettings);
    app.setup = await newEnterprise(app.host.url);
    await prepare?.(app.setup);
    app.browser = await launchBrowser();
    const context = await app.browser.newContext({ viewport, locale: 'zh-CN' });
    if (clipboard) {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.host.url });
    }
    app.page = await context.newPage();
    app.page.on('pageerror', (error) => app.problems.push(error.message));
    await signInOnPage(app.page, app.host.url, app.setup.union.loginName, app.setup.union.password);
  });
  after(async () => {
    await app.browser?.close();
    await app.host?.stop();
  });
  return app;
}

/**
 * Submits the open dialog's form from one of its fields (Enter, as a keyboard user would) and answers the API's
 * response to it: a click on the save button can land while the dialog is still animating in.
 */
export async function submitDialog(page, field, path, method = 'POST') {
  const answered = page.waitForResponse((r) => new URL(r.url()).pathname.endsWith(path) && r.request().method() === method);
  await page.getByRole('dialog').getByLabel(field).press('Enter');
  return answered;
}
