import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import managedSchema from '../../rules/managed_schema.json';
import { parseManaged } from '../../src/rules/managed';
import { fromBase64 } from '../../src/rules/signing';
import { checkPackText } from '../../src/rules/validate';

/** The example policy files docs/deploying.md points administrators at. */
const dir = join(__dirname, '../../examples/policies');
const files = readdirSync(dir);

/** The extension's policy values from one example file, whatever its format. */
function valuesOf(name: string): Record<string, unknown> {
  const text = readFileSync(join(dir, name), 'utf8');
  if (name.endsWith('.json')) {
    const j = JSON.parse(text);
    const exts = j.policies ? j.policies['3rdparty'].Extensions : j['3rdparty'].extensions;
    return Object.values(exts)[0] as Record<string, unknown>;
  }
  if (name.endsWith('.reg')) {
    const out: Record<string, unknown> = {};
    for (const m of text.matchAll(/^"(\w+)"=(?:"((?:[^"\\]|\\.)*)"|dword:([0-9a-f]{8}))$/gm)) out[m[1]] = m[3] ? parseInt(m[3], 16) : m[2].replace(/\\(.)/g, '$1');
    return out;
  }
  if (name.endsWith('.mobileconfig')) {
    const inner = /<key>PayloadContent<\/key>\s*<array>\s*<dict>([\s\S]*?)<\/dict>/.exec(text)![1];
    const out: Record<string, unknown> = {};
    for (const m of inner.matchAll(/<key>(\w+)<\/key><(string|integer)>([^<]*)<\/\2>/g)) if (!m[1].startsWith('Payload')) out[m[1]] = m[2] === 'integer' ? Number(m[3]) : m[3];
    return out;
  }
  throw new Error(`no reader for ${name}`);
}

describe('rules/managed_schema.json (Chrome policy schema)', () => {
  it('is an object schema whose every key has a title, a description and a policy type', () => {
    expect(managedSchema.type).toBe('object');
    for (const [key, p] of Object.entries(managedSchema.properties)) {
      expect(Object.keys(p).sort(), key).toEqual(['description', 'title', 'type']);
      expect(['string', 'integer', 'boolean'], key).toContain(p.type);
    }
  });

  it('names exactly the keys the managed reader takes', () => {
    const all = Object.fromEntries(Object.entries(managedSchema.properties).map(([k, p]) => [k, p.type === 'integer' ? 24 : 'x']));
    expect(Object.keys(parseManaged(all).policy ?? {}).sort()).toEqual(Object.keys(managedSchema.properties).sort());
  });
});

describe('examples/policies (docs/deploying.md)', () => {
  it('has Chrome (Linux, Windows, macOS), Edge and Firefox examples', () => {
    expect(files.sort()).toEqual(['chrome-linux-inline.json', 'chrome-linux-url.json', 'chrome-macos.mobileconfig', 'chrome-windows.reg', 'edge-windows-inline.reg', 'firefox-policies.json']);
  });

  it.each(files)('%s: schema keys of the right types, a valid pack or a signed https URL', (name) => {
    const values = valuesOf(name);
    expect(Object.keys(values).length).toBeGreaterThan(0);
    for (const k of Object.keys(values)) expect(Object.keys(managedSchema.properties)).toContain(k);
    const read = parseManaged(values);
    expect(read.problems).toEqual([]);
    const p = read.policy!;
    if (p.rulePack) expect(checkPackText(p.rulePack).problems).toEqual([]);
    else {
      expect(p.rulePackUrl).toMatch(/^https:\/\//);
      expect(fromBase64(p.rulePackPublicKey!)?.length).toBe(32);
    }
  });

  it('docs/deploying.md links every example file', () => {
    const doc = readFileSync(join(__dirname, '../../docs/deploying.md'), 'utf8');
    for (const f of files) expect(doc).toContain(`examples/policies/${f}`);
  });
});
