import type { components } from '../api/schema';
import type { MessageKey } from '../i18n/messages';

type Schemas = components['schemas'];

/** The message keys naming the Congress API's enumerations, e.g. `congress.status.open`. */
export const sessionStatusLabel = (status: Schemas['SessionStatus']) => `congress.status.${status}` as MessageKey;
export const sessionModeLabel = (mode: Schemas['SessionMode']) => `congress.mode.${mode}` as MessageKey;
export const stepKindLabel = (kind: Schemas['StepKind']) => `congress.step.${kind}` as MessageKey;
export const choiceLabel = (choice: Schemas['Choice']) => `congress.choice.${choice}` as MessageKey;
export const channelLabel = (channel: Schemas['CheckInChannel']) => `congress.channel.${channel}` as MessageKey;
export const pollKindLabel = (kind: Schemas['PollKind']) => `congress.pollKind.${kind}` as MessageKey;

export const sessionStatusColour: Record<Schemas['SessionStatus'], string> = { planned: 'default', open: 'green', closed: 'blue', archived: 'default' };
