import { describe, expect, it } from 'vitest';
import rare from '../../../rules/rare-diseases.json';
import curated from '../../../rules/traceable-rarity.json';
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

describe('a rare name by its distinctive word (issue 9)', () => {
  it.each([
    ['Biopsy confirmed takayasu in our 19-year-old.', 'takayasu'], // from `Takayasu arteritis`, lower case
    ['Necrotizing nodes, so Kikuchi it is.', 'Kikuchi'], // from `Kikuchi disease` (a surname compromise knows, not an English word)
    ['Thick septum from Danon cardiomyopathy.', 'Danon'], // another head noun than Orphanet's `Danon disease`
    ["Classic Moyamoya's puff of smoke.", "Moyamoya's"], // possessive, the sentence's first word before it
  ])('finds %s', (text, found) => {
    expect(rarities(text)).toContain(found);
  });

  it.each([
    ['Mr Wilson was seen in clinic.'], // an English word list name (Wilson disease): never alone
    ['Dr. Kimura read the scan.'], // a title before a distinctive word: a person
    ['Reviewed with Aiko Kikuchi from pathology.'], // a first name before it: a person
    ['Started on isotretinoin for acne.'], // a drug (Isotretinoin syndrome): curated notStandalone
    ['Hashimoto thyroiditis on ultrasound.'], // heads a common condition (curated)
    ['Whipple procedure tomorrow.'], // Whipple is an English word list name: the operation, not the disease
  ])('no rarity in %s', (text) => {
    expect(rarities(text)).toEqual([]);
  });
});

describe('acronyms of rare conditions (issue 9)', () => {
  it.each([
    ['MRI pattern fits MELAS.', 'MELAS'], // Orphanet's own acronym
    ['Echo showed ALCAPA in the infant.', 'ALCAPA'], // curated cardiology acronym
    ['Known CADASIL, new infarcts.', 'CADASIL'], // Orphanet acronym, followed by a comma
    ['Workup for vCJD.', 'vCJD'], // a lower-case prefix as written
  ])('finds %s', (text, found) => {
    expect(rarities(text)).toContain(found);
  });

  it.each([
    ['melas on the differential'], // lower case: not the acronym
    ['Scheduled for VATS on Monday.'], // a common procedure (curated commonAcronyms)
    ['Classic PUPPP rash in the third trimester.'], // common in pregnancy (curated commonAcronyms)
    ['WHO IS IN CHARGE OF THIS'], // a shouted run: CHARGE is a word here
    ['She is in charge of the unit.'], // the word, in lower case
  ])('no rarity in %s', (text) => {
    expect(rarities(text)).toEqual([]);
  });
});

describe('infections rare where posts are written (issue 9)', () => {
  it.each([
    ['Liver cyst turned out to be alveolar echinococcosis.', 'alveolar echinococcosis'], // parasitic
    ['Ring lesions from neurocysticercosis.', 'neurocysticercosis'], // imported parasitic
    ['Bat bite, then confirmed rabies.', 'rabies'], // zoonotic
    ['Returned from Brazil with leishmaniasis.', 'leishmaniasis'], // tropical
  ])('finds %s', (text, found) => {
    expect(rarities(text)).toContain(found);
  });

  it.each([
    ['Tetanus shot given in the ED.'], // prevention, not a case
    ['Rabies exposure from a bat in the bedroom, PEP started.'], // an exposure, not rabies
    ['Malaria smear negative.'], // returning travellers: common enough (curated notRare)
    ['Histoplasmosis again, classic Ohio valley.'], // endemic fungal infection
  ])('no rarity in %s', (text) => {
    expect(rarities(text)).toEqual([]);
  });
});

describe('more claims of rarity (issue 9)', () => {
  it.each([
    ['That finding is vanishingly rare.', 'vanishingly rare'], // intensified rare
    ['An ultra-rare tumour.', 'ultra-rare'], // hyphenated
    ['One of the rarest things in paediatrics.', 'One of the rarest'], // superlative
    ["The first one we've diagnosed in over twenty years.", "first one we've diagnosed in over twenty years"], // first in years
    ['My first Caroli of my career!', 'first Caroli of my career'], // first of my career
    ['Has anybody ever come across one of these?', 'anybody ever come across one of these'], // asking whether anyone has seen one
    ['Anyone seen this in real life?', 'Anyone seen this in real life'], // outside books
    ["We're writing it up as a case report.", 'writing it up as a case report'], // a case report
    ['Honestly a case report waiting to happen.', 'a case report waiting to happen'], // curated phrase
    ["Only the second one I've ever seen.", "Only the second one I've ever seen"], // second ever
  ])('%s', (text, claim) => {
    expect(rarities(text)).toContain(claim);
  });

  it.each([
    ['We rarely see complications.'], // rarely
    ['A rare moment of calm on nights.'], // bare rare
    ["It's not that rare in smokers."], // negated
    ['Not extremely rare, honestly.'], // negated intensifier
    ["What's the rarest thing you've ever called on a film?"], // a question to others, not a claim
    ['Anyone seen this before? Lytic lesion in the heel.'], // a plain request for help
    ['First day of my residency was chaos.'], // first day: no rarity
  ])('no claim in %s', (text) => {
    expect(rarities(text)).toEqual([]);
  });
});

describe('vocabulary sizes', () => {
  it('derives hundreds of distinctive words and keeps curated lists broad', () => {
    expect(rare.heads.length).toBeGreaterThan(500);
    expect(curated.rareInfections.length).toBeGreaterThan(100);
    expect(curated.acronyms.length).toBeGreaterThan(30);
  });
});
