/** `npm run generate:cst`: regenerates dsl/syntax/cst.ts from the grammar. */
import { writeFileSync } from 'node:fs';
import { CST_TYPES_FILE, renderCstTypes } from './cst-types.js';

writeFileSync(CST_TYPES_FILE, await renderCstTypes());
console.log(`${CST_TYPES_FILE} bijgewerkt.`);
