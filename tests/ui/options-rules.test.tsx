// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { createPolicyClient } from '../../src/rules/policy-client';
import { refreshPolicy } from '../../src/rules/policy-service';
import { lockLabel, RulePackSection } from '../../src/ui/options-rules';

function area(initial: Record<string, unknown> = {}) {
  const data: Record<string, unknown> = { ...initial };
  return {
    get: async (keys?: string | string[] | null) => (keys == null ? { ...data } : Object.fromEntries([keys].flat().filter((k) => k in data).map((k) => [k, data[k]]))),
    set: async (items: Record<string, unknown>) => void Object.assign(data, structuredClone(items)),
  };
}
const noFetch = async () => { throw new Error('no network'); };
const PACK = JSON.stringify({ id: 'org.example', version: '7', locked: ['detectors.ssn', 'disclaimer.text'] });

async function show(managed: Record<string, unknown>, local = area()) {
  await refreshPolicy({ managed: area(managed), local, fetch: noFetch });
  const client = createPolicyClient({ local });
  const root = document.createElement('div');
  await act(async () => { render(<RulePackSection client={client} />, root); await client.ready; });
  await act(async () => { await new Promise((r) => setTimeout(r, 0)); });
  return root;
}

describe('options: rule packs section', () => {
  it('shows the institution pack and its locked settings as managed', async () => {
    const root = await show({ rulePack: PACK });
    expect(root.textContent).toContain('Your institution: org.example 7');
    expect([...root.querySelectorAll('[data-managed]')].map((li) => li.getAttribute('data-managed'))).toEqual(['detectors.ssn', 'disclaimer.text']);
    expect(root.textContent).toContain('The ssn check');
    expect(root.querySelector('[role="alert"]')).toBeNull();
  });

  it('says the institution pack was not applied, and why, when it is bad', async () => {
    const root = await show({ rulePack: '{"id": "org.example"}' });
    const alert = root.querySelector('[role="alert"]')!;
    expect(alert.getAttribute('data-status')).toBe('not-applied');
    expect(alert.textContent).toMatch(/\$\.version is required.*default rules are in force/);
  });

  it('says the last good pack stays in force after a bad update', async () => {
    const local = area();
    await refreshPolicy({ managed: area({ rulePack: PACK }), local, fetch: noFetch });
    const root = await show({ rulePack: '{bad' }, local);
    expect(root.querySelector('[role="alert"]')!.textContent).toMatch(/last good pack \(org\.example 7\) stays in force/);
  });

  it('labels every lockable key in words', () => {
    for (const k of ['*', 'threshold', 'detectors', 'patterns', 'dictionaries.allow', 'enforcement', 'retentionDays']) expect(lockLabel(k)).not.toBe(k);
  });
});
