// Proposals of an enterprise taken over the API to a given status, each step by the person whose step it is
// (as tests/Proposals.Tests/ProposalScenario.cs does): the representative submits and rates, the union reviews,
// accepts, assigns and closes, the lead department's handler answers.
import { newUser, nextNumber, residentId, unique } from './enterprise.mjs';

/**
 * Gets the enterprise ready for proposals: a congress term with one representative (an account of their own), a
 * department with its handler, and no co-signers required (the term given, or a new one). `take(status, proposal)` then drafts a proposal and walks
 * it to `status` (submitted, notAccepted, assigned, answered, closed...), answering its id.
 */
export async function proposalDesk(baseUrl, union, enterpriseId, { proposer = unique('王建'), department = '生产技术部', termId } = {}) {
  const term = termId ? { id: termId } : await union.create('/api/v1/directory/terms', { number: 5, startsOn: '2024-01-01', endsOn: '2028-12-31' });
  const worker = await union.create('/api/v1/directory/workers', {
    name: proposer, employeeNumber: `P${String(nextNumber()).padStart(6, '0')}`, residentId: residentId(), unitId: enterpriseId,
    post: '钳工', skillGrade: 'technician', unionMember: true, partyMember: false, hiredOn: '2012-07-01',
  });
  await union.create(`/api/v1/directory/terms/${term.id}/representatives`, { workerId: worker.id, delegationGroup: '第一代表团' });
  const representative = await newUser(baseUrl, union, 'representative', enterpriseId, worker.id, proposer);
  const unit = await union.create('/api/v1/directory/organisations', { parentId: enterpriseId, kind: 'unit', name: department });
  const handler = await newUser(baseUrl, union, 'handler', unit.id, undefined, `${department}承办人`);
  await union.expect(200, 'PUT', '/api/v1/proposals/settings', { minCosigners: 0, handlingDays: 30, maxHandlingRounds: 2 }, { 'If-Match': '"0"' });

  const url = (id, action) => `/api/v1/proposals/proposals/${id}/${action}`;
  const steps = [
    ['submitted', (id) => representative.step(url(id, 'submit'))],
    ['underReview', (id) => union.step(url(id, 'review'), {})],
    ['accepted', (id) => union.step(url(id, 'decision'), { decision: 'accept' })],
    ['assigned', (id) => union.step(url(id, 'assign'), { leadUnitId: unit.id })],
    ['answered', (id) => handler.step(url(id, 'answer'), { answer: '已列入年度技改计划，完成设备更新并组织验收。' })],
    ['rated', (id, p) => representative.step(url(id, 'rating'), { rating: p.rating ?? 'satisfied' })],
    ['closed', (id) => union.step(url(id, 'close'), {})],
  ];
  return {
    representative,
    handler,
    async take(status, proposal) {
      const { id } = await representative.create('/api/v1/proposals/proposals', {
        category: proposal.category ?? 'production', title: proposal.title,
        reasons: proposal.reasons ?? '现有设备老化，故障频发，影响生产效率和职工安全。',
        suggestions: proposal.suggestions ?? '分批更新设备，并对操作人员开展专项培训。',
      });
      if (status === 'notAccepted') {
        await steps[0][1](id);
        await steps[1][1](id);
        await union.step(url(id, 'decision'), { decision: 'decline', reason: '不属于企业职权范围' });
        return id;
      }
      for (const [reached, act] of steps) {
        if (status === 'draft') {
          break;
        }
        await act(id, proposal);
        if (reached === status) {
          break;
        }
      }
      return id;
    },
  };
}
