import type { components } from '../api/schema';

type PollKind = components['schemas']['PollKind'];
type Choice = components['schemas']['Choice'];

/** What a ballot may mark on each item, by kind of vote (the API's ballot format): an election marks the chosen. */
export const choicesOf: Record<PollKind, Choice[]> = {
  motion: ['for', 'against', 'abstain'],
  election: ['selected'],
  evaluation: ['excellent', 'competent', 'basicallyCompetent', 'incompetent'],
};

/** A paper count form's rows, item by item and choice by choice, in the order they are sent (and errors come back). */
export function paperCountRows(kind: PollKind, items: readonly { number: number }[], counted: readonly { item?: number | null; choice?: Choice; count?: number | null }[] = []) {
  return items.flatMap((item) => choicesOf[kind].map((choice) => ({
    item: item.number,
    choice,
    count: counted.find((c) => c.item === item.number && c.choice === choice)?.count ?? 0,
  })));
}

/** A ballot's choices as the API takes them; an election sends only the candidates selected. */
export function ballotChoices(kind: PollKind, picked: Record<number, Choice | boolean | undefined>) {
  return Object.entries(picked)
    .filter(([, choice]) => (kind === 'election' ? choice === true : !!choice))
    .map(([item, choice]) => ({ item: Number(item), choice: (kind === 'election' ? 'selected' : choice) as Choice }));
}
