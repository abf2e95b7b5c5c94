/** How a step of the agenda stands as people should read it: a step never opened in a closed session was not held. */
export type ShownStepStatus = 'pending' | 'open' | 'closed' | 'notHeld';

export const shownStepStatus = (step: { status: 'pending' | 'open' | 'closed' }, sessionStatus: string): ShownStepStatus =>
  step.status === 'pending' && sessionStatus !== 'planned' && sessionStatus !== 'open' ? 'notHeld' : step.status;

/** The step of the agenda under way, if any: the live board's and the phone's highlight. */
export const currentStep = (steps: readonly { status: string }[], sessionStatus: string) =>
  sessionStatus === 'open' ? steps.findIndex((s) => s.status === 'open') : -1;

interface Window { start: number; end: number }

/**
 * The pairs of steps (1-based, in agenda order) whose time windows overlap: allowed (a check-in may run into the
 * first item), but said, since it is most often a typing slip.
 */
export function overlappingSteps(windows: readonly (Window | undefined)[]): [number, number][] {
  const pairs: [number, number][] = [];
  windows.forEach((a, i) => windows.slice(i + 1).forEach((b, j) => {
    if (a && b && a.start < b.end && b.start < a.end) {
      pairs.push([i + 1, i + j + 2]);
    }
  }));
  return pairs;
}
