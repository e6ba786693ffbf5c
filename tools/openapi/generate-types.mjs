#!/usr/bin/env node
// TypeScript types (`paths`, `components`, `operations`) from an OpenAPI document, with
// openapi-typescript's Node API: what a web or partner client is typed from (issue 9).
// Its own process because openapi-typescript loads ES modules that Jest's CommonJS loader cannot
// (openapi-types.int.spec.ts runs it on the document the API serves).
// Usage: node tools/openapi/generate-types.mjs <openapi.json | URL> <out.ts>
import { readFileSync, writeFileSync } from 'node:fs';
import openapiTS, { astToString } from 'openapi-typescript';

const [source, out] = process.argv.slice(2);
if (!source || !out) {
  console.error('Usage: node tools/openapi/generate-types.mjs <openapi.json | URL> <out.ts>');
  process.exit(2);
}
const document = /^https?:\/\//.test(source) ? new URL(source) : JSON.parse(readFileSync(source, 'utf8'));
writeFileSync(out, astToString(await openapiTS(document)));
