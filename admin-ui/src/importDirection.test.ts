import { describe, expect, it } from 'vitest';

/** Every source file under src/, by its path from src/ ('shell/menu.ts'), with its text. */
const sources: Record<string, string> = Object.fromEntries(
  Object.entries(import.meta.glob<string>(['./**/*.ts', './**/*.tsx', '!./**/*.d.ts'], { query: '?raw', import: 'default', eager: true }))
    .map(([path, text]) => [path.slice(2), text]),
);

/** The folders every area may use; they use one another and nothing else, so that they name no area. */
const shared = ['shell', 'i18n', 'components', 'api', 'auth', 'pages'];

/** The folder a path from src/ lies in; '' for the files at the top (App.tsx, main.tsx, areas.ts, messages.ts). */
const folderOf = (path: string) => (path.includes('/') ? path.slice(0, path.indexOf('/')) : '');

/** Where a file's relative imports (static, dynamic and side-effect) lead, as paths from src/. */
function importsOf(path: string, text: string): string[] {
  const specifiers = [...text.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => m[1]);
  return specifiers.map((specifier) => {
    const parts = path.split('/').slice(0, -1);
    for (const part of specifier.split('/')) {
      if (part === '..') parts.pop();
      else if (part !== '.') parts.push(part);
    }
    return parts.join('/');
  });
}

/** The imports that run the wrong way: shared folders into areas or the top; an area into another area or the top. */
function wrongWay(files: Record<string, string>): string[] {
  return Object.entries(files).flatMap(([path, text]) => {
    const from = folderOf(path);
    if (from === '') {
      return [];
    }
    const allowed = (to: string) => shared.includes(to) || (!shared.includes(from) && to === from);
    return importsOf(path, text).filter((target) => !allowed(folderOf(target))).map((target) => `${path} → ${target}`);
  });
}

describe('imports', () => {
  it('are all read', () => {
    expect(Object.keys(sources)).toContain('shell/menu.ts');
    expect(Object.keys(sources)).toContain('congress/rep/VoteSheet.tsx');
    expect(importsOf('App.tsx', sources['App.tsx'])).toContain('areas');
    expect(importsOf('congress/routes.ts', sources['congress/routes.ts'])).toContain('congress/rep/MySessionsPage');
    expect(Object.values(sources).flatMap((text) => importsOf('x/y.ts', text)).length).toBeGreaterThan(200);
  });

  it('would be caught running the wrong way', () => {
    expect(wrongWay({
      'shell/Layout.tsx': "import { areas } from '../areas';\nimport { x } from '../congress/labels';",
      'i18n/I18n.tsx': "const m = import('../awards/messages');",
      'awards/Page.tsx': "import { x } from '../proposals/logic';\nimport { y } from './own';\nimport { t } from '../i18n/I18n';",
      'congress/rep/Page.tsx': "import { z } from '../../dashboard/chartData';\nimport { w } from '../labels';",
      'App.tsx': "import { anything } from './congress/routes';",
    })).toEqual([
      'shell/Layout.tsx → areas',
      'shell/Layout.tsx → congress/labels',
      'i18n/I18n.tsx → awards/messages',
      'awards/Page.tsx → proposals/logic',
      'congress/rep/Page.tsx → dashboard/chartData',
    ]);
  });

  it('run from the shared folders to shared folders only, and from an area to the shared folders and itself', () => {
    expect(wrongWay(sources)).toEqual([]);
  });

  it('bring every area folder into the one list, src/areas.ts', () => {
    const areaFolders = [...new Set(Object.keys(sources).map(folderOf))].filter((folder) => folder !== '' && !shared.includes(folder));
    expect(areaFolders.length).toBeGreaterThanOrEqual(7);
    expect(importsOf('areas.ts', sources['areas.ts']).sort()).toEqual(areaFolders.map((folder) => `${folder}/area`).sort());
  });
});
