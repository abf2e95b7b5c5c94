// A workers' congress session held to the end over the API: what the printable page is then made from.
import { newEnterprise, newUser, nextNumber, residentId, unique } from './enterprise.mjs';

/**
 * A hybrid session of `representatives` in two delegation groups: all but one check in; a motion with items (one of
 * them a long unbroken string, to test wrapping) and an election, voted online by two and on paper by the rest present.
 */
export async function holdSession(baseUrl, representatives = 6) {
  const { enterprise, enterpriseName, union } = await newEnterprise(baseUrl);

  const term = await union.create('/api/v1/directory/terms', { number: 3, startsOn: '2024-01-01', endsOn: '2028-12-31' });
  const people = [];
  for (let i = 0; i < representatives; i++) {
    const name = unique('王');
    const worker = await union.create('/api/v1/directory/workers', {
      name, employeeNumber: `E${String(nextNumber()).padStart(6, '0')}`, residentId: residentId(), phone: `139${String(10_000_000 + nextNumber())}`,
      unitId: enterprise.id, post: '装配工', skillGrade: 'advanced', unionMember: true, unionJoinedOn: '2015-03-01', partyMember: false, hiredOn: '2010-07-01',
    });
    const representative = await union.create(`/api/v1/directory/terms/${term.id}/representatives`, { workerId: worker.id, delegationGroup: `第${(i % 2) + 1}代表团` });
    people.push({ name, workerId: worker.id, representativeId: representative.id });
  }
  const onlineVoters = people.slice(0, 2);
  for (const person of onlineVoters) {
    person.client = await newUser(baseUrl, union, 'representative', enterprise.id, person.workerId);
  }

  const session = await union.create('/api/v1/congress/sessions', {
    termId: term.id, number: 2, kind: 'regular', mode: 'hybrid', heldOn: '2026-03-20', venue: '职工活动中心一楼报告厅',
  });
  const sessionUrl = `/api/v1/congress/sessions/${session.id}`;
  await union.postWithETag(`${sessionUrl}/open`, sessionUrl);
  for (const person of onlineVoters) {
    await person.client.post(`/api/v1/congress/my/sessions/${session.id}/check-in`);
  }
  const absent = people.at(-1);
  const paperVoters = people.slice(2, -1);
  for (const person of paperVoters) {
    await union.post(`${sessionUrl}/check-ins`, { representativeId: person.representativeId, channel: 'onSite' });
  }

  const longToken = 'GB/T-2026-0001-' + 'X'.repeat(90);
  const motion = await union.create(`${sessionUrl}/motions`, {
    title: '关于《集体合同（草案）》的决议',
    items: [{ title: `第一部分 工资调整机制（依据 ${longToken}）` }, { title: '第二部分 工作时间与休息休假' }, { title: '第三部分 劳动安全卫生' }],
  });
  await vote(union, motion.id, onlineVoters, [[1, 'for'], [2, 'for'], [3, 'against']], paperVoters.map((p) => p.representativeId), [
    { item: 1, choice: 'for', count: paperVoters.length },
    { item: 2, choice: 'against', count: paperVoters.length },
    { item: 3, choice: 'abstain', count: paperVoters.length },
  ]);
  const election = await union.create(`${sessionUrl}/elections`, {
    title: '职工董事选举', seats: 1, candidates: [{ title: '陈建国' }, { title: '刘秀英' }],
  });
  await vote(union, election.id, onlineVoters, [[1, 'selected']], paperVoters.map((p) => p.representativeId), [
    { item: 1, choice: 'selected', count: paperVoters.length },
  ]);
  await union.postWithETag(`${sessionUrl}/close`, sessionUrl);

  return { union, sessionId: session.id, enterpriseName, sessionName: session.name, people, absent, longToken };
}

async function vote(union, pollId, onlineVoters, choices, paperVoterIds, paperCounts) {
  await union.post(`/api/v1/congress/polls/${pollId}/open`);
  for (const voter of onlineVoters) {
    await voter.client.post(`/api/v1/congress/my/polls/${pollId}/ballot`, { choices: choices.map(([item, choice]) => ({ item, choice })) });
  }
  await union.post(`/api/v1/congress/polls/${pollId}/paper-voters`, { representativeIds: paperVoterIds });
  await union.put(`/api/v1/congress/polls/${pollId}/paper-counts`, { counts: paperCounts });
  await union.post(`/api/v1/congress/polls/${pollId}/close`);
}
