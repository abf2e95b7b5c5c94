import openapiTS, { astToString } from 'openapi-typescript';

/** The TypeScript the checked-in src/api/schema.d.ts must equal for the document at this URL. */
export async function schemaTypes(url) {
  const header = '// Generated from the API\'s OpenAPI document by `npm run generate-api`; do not edit.\n';
  return header + astToString(await openapiTS(url, { alphabetize: true }));
}
