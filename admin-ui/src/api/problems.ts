import type { Problem } from './client';

/** Where a field error goes in a form: the API's field path ("items[0].title") as an Ant Design name path. */
export function namePath(field: string): (string | number)[] {
  return field.split(/[.[\]]/).filter((part) => part.length > 0).map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** The problem's field errors, each on the form field it names; those naming no field of the form go to the form as a whole. */
export function fieldErrors(problem: Problem, formFields: readonly string[]): { fields: { name: (string | number)[]; errors: string[] }[]; general: string[] } {
  const fields: { name: (string | number)[]; errors: string[] }[] = [];
  const general: string[] = [];
  for (const [field, errors] of Object.entries(problem.errors ?? {})) {
    const name = namePath(field);
    if (formFields.includes(String(name[0]))) {
      fields.push({ name, errors });
    } else {
      general.push(...errors);
    }
  }
  if (fields.length === 0 && general.length === 0) {
    general.push(problem.detail ?? problem.title ?? '');
  }
  return { fields, general };
}

/** A change refused because someone else changed the record first: its version is no longer the one sent (412). */
export const isChangedElsewhere = (status: number) => status === 412;
