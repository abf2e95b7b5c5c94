// An enterprise ready for proposals, made over the API as its union would: representatives with accounts of their
// own in a workshop, departments each with a handler, and proposals taken along their way by the right people.
import assert from 'node:assert/strict';
import { buttonName } from './browser.mjs';
import { newUser, nextNumber, residentId, unique } from './enterprise.mjs';

export const proposalsApi = '/api/v1/proposals/proposals';

/** A congress term with a representative (and their account) per name, and a unit with a handler per department name. */
export async function proposalPeople(union, enterprise, names, departments) {
  const url = union.baseUrl;
  const term = await union.create('/api/v1/directory/terms', { number: 3, startsOn: '2024-01-01', endsOn: '2028-12-31' });
  const workshop = await union.create('/api/v1/directory/organisations', { parentId: enterprise.id, kind: 'unit', name: unique('焊接车间') });
  const reps = [];
  for (const name of names) {
    const worker = await union.create('/api/v1/directory/workers', {
      name, employeeNumber: `P${nextNumber()}`, residentId: residentId(), unitId: workshop.id, unionMember: true, partyMember: false,
    });
    await union.create(`/api/v1/directory/terms/${term.id}/representatives`, { workerId: worker.id, delegationGroup: '第一代表团' });
    reps.push({ name, worker, caller: await newUser(url, union, 'representative', enterprise.id, worker.id) });
  }
  const units = [];
  for (const name of departments) {
    const unit = await union.create('/api/v1/directory/organisations', { parentId: enterprise.id, kind: 'unit', name: unique(name) });
    units.push({ unit, handler: await newUser(url, union, 'handler', unit.id) });
  }
  return { term, workshop, reps, units };
}

/** A proposal by the first representative, co-signed by the next two and submitted. */
export async function submittedProposal([proposer, first, second], category, title) {
  const draft = await proposer.caller.create(proposalsApi, { category, title, reasons: '职工反映集中，影响生产和生活。', suggestions: '请公司研究解决，并向职工通报。' });
  await proposer.caller.post(`${proposalsApi}/${draft.id}/cosigners`, { workerIds: [first.worker.id, second.worker.id] });
  await first.caller.post(`${proposalsApi}/${draft.id}/cosigning`, { accept: true });
  await second.caller.post(`${proposalsApi}/${draft.id}/cosigning`, { accept: true });
  return proposer.caller.step(`${proposalsApi}/${draft.id}/submit`);
}

/** Takes a submitted proposal through review and acceptance to its department, and on to an answer and a rating when asked. */
export async function handled(union, proposal, { unit, handler }, { proposer, until = 'assigned' } = {}) {
  const at = `${proposalsApi}/${proposal.id}`;
  await union.step(`${at}/review`, {});
  await union.step(`${at}/decision`, { decision: 'accept' });
  let current = await union.step(`${at}/assign`, { leadUnitId: unit.id });
  if (until !== 'assigned') {
    current = await handler.step(`${at}/answer`, { answer: '已按建议落实，详见答复。' });
    current = await proposer.caller.step(`${at}/rating`, { rating: 'basicallySatisfied', comment: '基本落实，希望持续跟进。' });
    if (until === 'closed') {
      current = await union.step(`${at}/close`, {});
    }
  }
  return current;
}

// What a person sees of a proposal page in the browser.

/** The texts of the action buttons on the proposal page (Ant Design spaces two-character labels: taken out). */
export async function buttons(page) {
  const bar = page.getByTestId('proposal-actions');
  await bar.or(page.getByTestId('no-actions')).waitFor();
  if (!(await bar.isVisible())) {
    return [];
  }
  return (await bar.getByRole('button').allInnerTexts()).map((text) => text.replace(/\s/g, ''));
}

/** Waits until the page shows exactly these action buttons (it may still be taking in a step's answer), then checks them. */
export async function expectButtons(page, expected) {
  await page.waitForFunction((want) => {
    const bar = document.querySelector('[data-testid=proposal-actions]');
    const shown = bar ? [...bar.querySelectorAll('button')].map((b) => b.innerText.replace(/\s/g, ''))
      : document.querySelector('[data-testid=no-actions]') ? [] : null;
    return shown !== null && JSON.stringify(shown) === JSON.stringify(want);
  }, expected).catch(() => { /* the assertion below says what was shown instead */ });
  assert.deepEqual(await buttons(page), expected);
}

/** A button's accessible name from its text (see buttonName), or the pattern given. */
const label = (text) => (typeof text === 'string' ? buttonName(text) : text);

/** Presses the open dialog's submit button and answers the API's response to it. */
export async function confirmDialog(page, button, path) {
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  const answered = page.waitForResponse((r) => new URL(r.url()).pathname.endsWith(path) && r.request().method() !== 'GET');
  await dialog.getByRole('button', { name: label(button) }).click();
  return answered;
}

/** Opens an action's dialog from the page's action bar. */
export const act = (page, name) => page.getByTestId('proposal-actions').getByRole('button', { name: label(name) }).click();

export async function noSidewaysScrolling(page) {
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'the phone page scrolls sideways');
}

/** Waits until no list or card on the page is still loading (their spinners gone), for a screenshot of what it shows. */
export const settled = (page) => page.waitForFunction(() => !document.querySelector('.ant-spin-spinning, .ant-skeleton'));

/**
 * Picks a node of the open tree select by its name once the tree has unfolded (a node still unfolding is replaced
 * under the pointer and swallows the click), and waits for the pick to show in the field.
 */
export async function chooseTreeNode(page, field, name) {
  const node = page.locator('.ant-select-dropdown:visible .ant-select-tree-title').filter({ hasText: name });
  await node.waitFor();
  await page.waitForFunction(() => !document.querySelector('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-tree-treenode-motion'));
  await node.click();
  await field.locator('xpath=ancestor::*[contains(concat(" ", @class, " "), " ant-select ")][1]').getByText(name).waitFor();
}
