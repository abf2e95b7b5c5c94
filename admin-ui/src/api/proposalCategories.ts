import type { components } from './schema';

/**
 * The API's proposal categories, in the order the UI lists them. Here, with the API's other facts, because more
 * than one area lists them (Proposals, and the dashboard's chart), and an area imports no other area.
 */
export const proposalCategories: readonly components['schemas']['ProposalCategory'][] = [
  'production', 'management', 'wagesAndBenefits', 'safetyAndHealth', 'trainingAndCareers', 'welfare', 'other',
];
