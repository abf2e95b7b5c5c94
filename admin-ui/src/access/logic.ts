import type { components } from '../api/schema';
import { dateTimeText, isDateTime } from '../i18n/format';
import type { MessageKey } from '../i18n/messages';

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

type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** The words for a code's key, or none when there are none (translate gives back the key it has no string for). */
export const wordsOf = (t: Translate, key: string): string | undefined => {
  const words = t(key as MessageKey);
  return words === key ? undefined : words;
};

/** The keys of what the audit trail's codes are called (see words.ts). */
export const auditWords = {
  module: (module: string) => `audit.module.${module}`,
  /** A record type is its module's table: the same table name may be two modules' (resolutions). */
  entity: (module: string, entityType: string) => `audit.entity.${module}.${entityType}`,
  action: (action: string) => `audit.action.${action}`,
  field: (field: string) => `audit.field.${field}`,
  actorType: (actorType: string) => `audit.actorType.${actorType}`,
};

/**
 * The record types the trail's words name (audit.entity.<module>.<table> among `keys`), of one module or all, each
 * table once: the trail filters by table name alone.
 */
export function recordTypes(keys: readonly string[], module?: string): { module: string; entityType: string }[] {
  const types = keys.flatMap((key) => {
    const [, moduleName, entityType] = /^audit\.entity\.([^.]+)\.(.+)$/.exec(key) ?? [];
    return moduleName && entityType && (!module || moduleName === module) ? [{ module: moduleName, entityType }] : [];
  });
  return types.filter((type, i) => types.findIndex((other) => other.entityType === type.entityType) === i);
}

export const permissionWords = (permission: string) => `permission.${permission}`;

/** A field's value before or after a change as people read it: a moment in local form, none as —, a list or object as JSON. */
export const shownValue = (value: unknown, timeZone: string): string => {
  if (value === null || value === undefined) {
    return '—';
  }
  if (isDateTime(value)) {
    return dateTimeText(value, timeZone);
  }
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
};

/** A worker as the users screen names them: name (employee number, unit), as the representatives' picker does. */
export const workerLabel = (worker: { name?: string; employeeNumber?: string; unitName?: string }) =>
  `${worker.name ?? ''}（${[worker.employeeNumber, worker.unitName].filter(Boolean).join('，')}）`;
