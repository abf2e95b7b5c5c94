// Writes src/api/schema.d.ts, the API's types, from its OpenAPI document: a URL (a running Host's
// /openapi/v1.json) or a file; with neither, the Host as `dotnet build` left it, started for the purpose on a throw-away
// database (tests/e2e's startHost; its packages installed there). `npm run generate-api [-- <url or file>]`
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { schemaTypes } from './schema-types.mjs';

const target = join(dirname(fileURLToPath(import.meta.url)), '../src/api/schema.d.ts');
const source = process.argv[2];
if (source) {
  await writeFile(target, await schemaTypes(/^https?:/.test(source) ? new URL(source) : pathToFileURL(source)));
} else {
  const { startHost } = await import('../../tests/e2e/lib/host.mjs');
  const host = await startHost();
  try {
    await writeFile(target, await schemaTypes(new URL(`${host.url}/openapi/v1.json`)));
  } finally {
    await host.stop();
  }
}
console.log(`Wrote ${target} from ${source ?? 'the built Host'}.`);
