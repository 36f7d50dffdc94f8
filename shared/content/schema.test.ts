import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { smallPack } from '../../test/fixtures/packs/small-pack.js';
import { gamePackSchema, ID_PATTERN, packJsonSchemaText } from './schema.js';

describe('pack schema', () => {
  it('accepts the fixture pack', () => {
    expect(gamePackSchema.safeParse(smallPack()).success).toBe(true);
  });

  it('id pattern', () => {
    for (const ok of ['a', 'q-1', 'Q_2.b', '0abc', 'x'.repeat(64)]) expect(ID_PATTERN.test(ok)).toBe(true);
    for (const bad of ['', '-a', '.a', 'a b', 'a/b', 'x'.repeat(65), 'é']) expect(ID_PATTERN.test(bad)).toBe(false);
  });

  it('docs/pack.schema.json is what scripts/gen-pack-schema.ts generates now (run it after changing schema.ts)', () => {
    const committed = readFileSync(new URL('../../docs/pack.schema.json', import.meta.url), 'utf8');
    expect(committed).toBe(packJsonSchemaText());
  });

  it('the JSON Schema rejects unknown keys and bounds the collections', () => {
    const schema = JSON.parse(packJsonSchemaText()) as {
      additionalProperties: boolean;
      required: string[];
      properties: Record<string, { maxItems?: number }>;
    };
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(['format', 'formatVersion', 'meta', 'questions', 'cards', 'scenarios', 'rounds']);
    expect(schema.properties['questions']?.maxItems).toBe(500);
    expect(schema.properties['cards']?.maxItems).toBe(200);
    expect(schema.properties['scenarios']?.maxItems).toBe(50);
    expect(schema.properties['rounds']?.maxItems).toBe(100);
  });
});
