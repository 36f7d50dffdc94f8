// Writes docs/pack.schema.json, the JSON Schema of the game-pack format, from the zod schema in
// shared/content/schema.ts. Run: npx tsx scripts/gen-pack-schema.ts (a test fails when the file is stale).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { packJsonSchemaText } from '../shared/content/schema.js';

const target = fileURLToPath(new URL('../docs/pack.schema.json', import.meta.url));
writeFileSync(target, packJsonSchemaText());
console.log(`wrote ${target}`);
