// Organisations and people made over the API as their administrators would, for the browser tests to start from.
import { randomUUID } from 'node:crypto';
import { adminPassword } from './host.mjs';
import { Caller } from './api.mjs';

const password = 'E2e-Password-2026';
let sequence = 0;

/** A number no other call in this run gets. */
export const nextNumber = () => ++sequence;
export const unique = (prefix) => `${prefix}${randomUUID().replaceAll('-', '').slice(0, 6)}`;

/** A valid 18-character resident ID number (GB 11643 check digit), different on every call. */
export function residentId() {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const born = new Date(Date.UTC(1970, 0, 1 + ++sequence * 37)).toISOString().slice(0, 10).replaceAll('-', '');
  const first17 = `320505${born}${String(sequence % 1000).padStart(3, '0')}`;
  const sum = [...first17].reduce((total, digit, i) => total + Number(digit) * weights[i], 0);
  return first17 + '10X98765432'[sum % 11];
}

/**
 * An account with a role at an organisation, made by `creator`, and signed in (its id, loginName, password and
 * displayName on it); shown by its login name unless a display name is given.
 */
export async function newUser(baseUrl, creator, role, organisationId, workerId, displayName) {
  const loginName = `${role.toLowerCase()}-e2e-${++sequence}`;
  const user = await creator.create('/api/v1/access/users', { loginName, displayName: displayName ?? loginName, password, role, organisationId, workerId });
  const caller = await Caller.signIn(baseUrl, loginName, password);
  return Object.assign(caller, { id: user.id, loginName, password, displayName: user.displayName });
}

/** A fresh region and enterprise with its union's administrator (`union`, signed in). */
export async function newEnterprise(baseUrl, enterpriseName = unique('浙江精工机械有限公司')) {
  const admin = await Caller.signIn(baseUrl, 'admin', adminPassword);
  const platform = '00000000-0000-7000-8000-000000000001';
  const region = await admin.create('/api/v1/directory/organisations', { parentId: platform, kind: 'region', name: unique('区域') });
  const regionAdmin = await newUser(baseUrl, admin, 'regionAdmin', region.id);
  const enterprise = await regionAdmin.create('/api/v1/directory/organisations', { parentId: region.id, kind: 'enterprise', name: enterpriseName });
  return { region, enterprise, enterpriseName, union: await newUser(baseUrl, regionAdmin, 'enterpriseAdmin', enterprise.id) };
}
