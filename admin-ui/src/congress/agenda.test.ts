import { describe, expect, it } from 'vitest';
import { currentStep, overlappingSteps, shownStepStatus } from './agenda';

const at = (hour: number, minute = 0) => Date.UTC(2026, 11, 3, hour, minute);

describe('overlappingSteps', () => {
  it('names each pair of steps whose windows overlap, and none that only touch', () => {
    expect(overlappingSteps([
      { start: at(8, 30), end: at(9, 30) },
      { start: at(9), end: at(11) },
      { start: at(11), end: at(12) },
      { start: at(14), end: at(16) },
      { start: at(15), end: at(15, 30) },
    ])).toEqual([[1, 2], [4, 5]]);
  });

  it('skips steps without a time yet', () => {
    expect(overlappingSteps([{ start: at(9), end: at(10) }, undefined, { start: at(9, 30), end: at(10) }])).toEqual([[1, 3]]);
  });
});

describe('agenda step status', () => {
  it('says a step never opened in a closed session was not held', () => {
    expect(shownStepStatus({ status: 'pending' }, 'closed')).toBe('notHeld');
    expect(shownStepStatus({ status: 'pending' }, 'archived')).toBe('notHeld');
    expect(shownStepStatus({ status: 'pending' }, 'open')).toBe('pending');
    expect(shownStepStatus({ status: 'closed' }, 'closed')).toBe('closed');
  });

  it('highlights the step under way only while the session is open', () => {
    const steps = [{ status: 'closed' }, { status: 'open' }, { status: 'pending' }];
    expect(currentStep(steps, 'open')).toBe(1);
    expect(currentStep([{ status: 'pending' }, { status: 'pending' }], 'closed')).toBe(-1);
  });
});
