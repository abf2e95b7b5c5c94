// Writes src/api/schema.d.ts, the API's types, from its OpenAPI document: a URL (a running Host's
// /openapi/v1.json) or a file. `npm run generate-api -- http://127.0.0.1:5080/openapi/v1.json`
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { schemaTypes } from './schema-types.mjs';

const source = process.argv[2] ?? 'http://127.0.0.1:5080/openapi/v1.json';
const target = join(dirname(fileURLToPath(import.meta.url)), '../src/api/schema.d.ts');
const url = /^https?:/.test(source) ? new URL(source) : pathToFileURL(source);
await writeFile(target, await schemaTypes(url));
console.log(`Wrote ${target} from ${source}.`);
