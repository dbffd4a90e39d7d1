import './fake-browser-global';
import { describe, expect, it } from 'vitest';
import { builtInPolicy, fromPolicy, isLockedKey, mayChange, type PolicyLike } from '../../src/store/policy';
import { DEFAULT_USER_SETTINGS, type UserSettings } from '../../src/store/settings';

const user = (over: Partial<UserSettings> = {}): UserSettings => ({ ...DEFAULT_USER_SETTINGS, ...over });
const inst = (over: Partial<PolicyLike> = {}): PolicyLike => ({
  retentionDays: 7, locked: [], packs: [{ source: 'bundled', id: 'clearpost.default', version: '1.0.0' }, { source: 'institution', id: 'st-elsewhere', version: '2' }],
  analyze: { allow: ['Dr Grey'], disclaimer: { text: 'Views my own.' } }, ...over,
});

describe('policy summary', () => {
  it('built in: 24 h retention, nothing locked, not managed', () => {
    const s = fromPolicy(builtInPolicy, user(), false);
    expect(s).toMatchObject({ retentionDays: 1, managed: false, packs: ['clearpost.default 1.0.0'] });
  });

  it('the user may shorten the retention, not lengthen it', () => {
    // shorter than the limit: taken
    expect(fromPolicy(inst(), user({ retentionDays: 2 }), true).retentionDays).toBe(2);
    // longer than the limit: capped
    expect(fromPolicy(inst(), user({ retentionDays: 30 }), true).retentionDays).toBe(7);
    // 0: keep nothing
    expect(fromPolicy(inst(), user({ retentionDays: 0 }), true).retentionDays).toBe(0);
    // locked: the institution's value whatever the user chose
    expect(fromPolicy(inst({ locked: ['retentionDays'] }), user({ retentionDays: 2 }), true).retentionDays).toBe(7);
  });

  it('the user allow list adds to the rule set unless locked; duplicates fold by case', () => {
    expect(fromPolicy(inst(), user({ allow: ['dr grey', 'Mercy West'] }), true).allow).toEqual(['Dr Grey', 'Mercy West']);
    expect(fromPolicy(inst({ locked: ['dictionaries'] }), user({ allow: ['Mercy West'] }), true).allow).toEqual(['Dr Grey']);
  });

  it('the user disclaimer replaces the rule set\'s unless locked', () => {
    expect(fromPolicy(inst(), user({ disclaimerText: 'Not medical advice.' }), true).disclaimerText).toBe('Not medical advice.');
    expect(fromPolicy(inst({ locked: ['*'] }), user({ disclaimerText: 'Not medical advice.' }), true).disclaimerText).toBe('Views my own.');
  });

  it('locks: star, exact key, dotted prefix', () => {
    expect(isLockedKey(['*'], 'retentionDays')).toBe(true);
    expect(isLockedKey(['disclaimer'], 'disclaimer.text')).toBe(true);
    expect(isLockedKey(['disclaimer.required'], 'disclaimer.text')).toBe(false);
    expect(mayChange({ locked: [] }, 'dictionaries.allow')).toBe(true);
  });
});
