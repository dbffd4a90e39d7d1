import { describe, expect, it } from 'vitest';
import rare from '../../../rules/rare-diseases.json';
import { findRarity, rarityIndex } from '../../../src/engine/quasi/rarity';

const rarities = (s: string) => findRarity(s).map((p) => s.slice(p.start, p.end));

describe('rare-disease vocabulary (Orphanet ORPHApackets)', () => {
  it('names its source, licence and commit', () => {
    expect(rare.source.repository).toBe('https://github.com/Orphanet/orphapacket');
    expect(rare.source.license).toMatch(/CC BY 4\.0/);
    expect(rare.source.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(rare.entries.length).toBeGreaterThan(5000);
  });

  it.each([
    ['Alkaptonuria with ochronosis of the discs.', 'Alkaptonuria'], // preferred term
    ['Bassen-Kornzweig disease on the smear.', 'Bassen-Kornzweig disease'], // an Orphanet synonym
    ['Klippel-Trenaunay syndrome of the left leg.', 'Klippel-Trenaunay syndrome'], // accents folded (Trénaunay)
    ["Kartagener's syndrome again.", "Kartagener's syndrome"], // curated addition, possessive
    ['Looks like Erdheim-Chester to me.', 'Erdheim-Chester'], // hyphenated eponym without its head noun
    ['A lithopedion in the pelvis.', 'lithopedion'], // curated rare imaging entity
  ])('finds %s', (text, found) => {
    expect(rarities(text)).toContain(found);
  });

  it.each([
    ['Meningioma along the falx, 2 cm.'], // in Orphanet, an everyday finding: curated notRare
    ['Classic sarcoidosis with perihilar nodes.'], // Orphanet prevalence 1-5 / 10 000: above the rare bound
    ['Cystic fibrosis, bronchiectasis in the upper lobes.'], // prevalence above the bound
    ['Appendicitis with an appendicolith.'], // a common condition
    ['The malleus and incus look normal.'], // a disease synonym that is also anatomy
  ])('does not count %s', (text) => {
    expect(rarities(text)).toEqual([]);
  });

  it('keeps a name common when any entry says it is common (never upgraded)', () => {
    expect(rarityIndex().get('sarcoidosis')).toBe(false);
  });
});

describe('rarity claims', () => {
  it.each([
    ['Roughly 1 in 2 million people have it.', '1 in 2 million'], // odds
    ['one in a million finding', 'one in a million'], // odds spelled out
    ['Hepatology says it is the first case in our state.', 'the first case in our state'], // first in a scope
    ["Honestly I've never seen one before.", 'never seen one'], // never seen
    ['one of maybe a few hundred people in the world with it', 'one of maybe a few hundred people in the world'], // few known
    ['the oldest patient anyone here can remember', 'the oldest patient anyone here can remember'], // superlative
    ['This is only the 12th reported case worldwide.', 'only the 12th reported case worldwide'], // nth case
    ['There are fewer than 100 cases in the literature.', 'fewer than 100 cases in the literature'], // fewer than
  ])('%s', (text, claim) => {
    expect(rarities(text)).toContain(claim);
  });

  it.each([
    ['About 1 in 8 women will get breast cancer.'], // common odds
    ['1 in 1,000 risk of bleeding after biopsy.'], // odds not rare
    ['First case of the day is a knee MRI.'], // not a rarity scope
  ])('no claim in %s', (text) => {
    expect(rarities(text)).toEqual([]);
  });
});
