import type { components } from '../api/schema';

type Role = components['schemas']['Role'];
type Place = Pick<components['schemas']['Organisation'], 'id' | 'kind' | 'path'>;

/** The kinds of organisation each role may be granted at (as the API's Roles.MayBeGrantedAt has it). */
export const grantable: Record<Role, string[]> = {
  platformAdmin: ['platform'],
  regionAdmin: ['region'],
  enterpriseAdmin: ['enterprise'],
  handler: ['enterprise', 'unit', 'team'],
  representative: ['enterprise'],
  worker: ['enterprise'],
};

const administratorOf: Record<string, Role> = { platform: 'platformAdmin', region: 'regionAdmin', enterprise: 'enterpriseAdmin' };

/**
 * Where an administrator acting at `actingId` may give `role` (any role, when none is chosen yet). In its own tenant,
 * wherever the role may be held; in a tenant below (an enterprise under a region), only that tenant's first
 * administrator, and only when creating an account: a grant is always in the account's own tenant.
 */
export function grantablePlaces<P extends Place>(places: P[], actingId: string | undefined, role: Role | undefined, creating: boolean): P[] {
  const kinds = new Map(places.map((p) => [p.id, p.kind]));
  const inOwnTenant = (place: P) =>
    !place.path.slice(place.path.indexOf(actingId ?? '') + 1).some((id) => administratorOf[kinds.get(id) ?? ''] !== undefined);
  return places.filter((place) => {
    const roles = role ? [role] : (Object.keys(grantable) as Role[]);
    return roles.some((r) => grantable[r].includes(place.kind)
      && (inOwnTenant(place) || (creating && administratorOf[place.kind] === r)));
  });
}

/** A worker as the users screen names them: name (employee number, unit), as the representatives' picker does. */
export const workerLabel = (worker: { name?: string; employeeNumber?: string; unitName?: string }) =>
  `${worker.name ?? ''}（${[worker.employeeNumber, worker.unitName].filter(Boolean).join('，')}）`;
