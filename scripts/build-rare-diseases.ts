/**
 * npx tsx scripts/build-rare-diseases.ts <ORPHApacket json dir> [--commit <sha>] [--words <word list>]
 *
 * Rebuilds rules/rare-diseases.json from Orphanet's ORPHApackets (github.com/Orphanet/orphapacket,
 * folder json/: one ORPHApacket_<code>.json per clinical entity, with its preferred term, synonyms
 * and epidemiological records). Orphanet data: CC BY 4.0 (rules/rare-diseases.LICENSE.md).
 *
 * Kept: diseases, malformation syndromes, morphological/biological anomalies, clinical syndromes,
 * particular clinical situations and subtypes (not "Category" / "Clinical group", whose labels are
 * groupings such as "Rare bone disease"). Names a physician would not type in a post are dropped
 * (longer than 6 words or 60 characters, with a comma, "due to", a bracket, or a gene-style code).
 * Each entry gets a prevalence upper bound per million (see `perMillion`), or null when Orphanet
 * has no figure (most of those are known from case reports only).
 *
 * Output: { source, entries: [[orphaCode, perMillion | null, name, ...synonyms], ...], heads },
 * entries sorted by code so rebuilds diff cleanly.
 *
 * `heads` (issue 9: a rare disease named by its distinctive word alone, `a case of Takayasu`,
 * `Kikuchi in a teenager`, `Danon cardiomyopathy`): the word before the head noun of a name
 * (`Takayasu arteritis`, `Kikuchi disease`), as [word, perMillion | null] with the largest bound of
 * every name it heads. Kept only when the word is distinctive: not an English word or a well-known
 * proper name (the `--words` list, e.g. Debian's wamerican /usr/share/dict/american-english, which
 * lists Wilson, Huntington, Addison), not a word of compromise's lexicon (first names, places,
 * common words it knows; a surname it knows but the word list lacks may stand: Kikuchi, Kimura),
 * not an adjective or a condition word by its ending (cleidocranial, hepatorenal, achalasia), not an
 * enzyme (`Arginase deficiency`), not an acronym (those stand alone already, in upper case).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nlp from 'compromise';

const args = process.argv.slice(2);
const commitAt = args.indexOf('--commit');
const commit = commitAt >= 0 ? args[commitAt + 1] : undefined;
const wordsAt = args.indexOf('--words');
const wordsFile = wordsAt >= 0 ? args[wordsAt + 1] : '/usr/share/dict/american-english';
const dir = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--commit' && args[i - 1] !== '--words');
if (!dir) {
  console.error('usage: npx tsx scripts/build-rare-diseases.ts <orphapacket/json> [--commit <sha>] [--words <word list>]');
  process.exit(2);
}

const KEEP_TYPES = new Set([
  'Disease', 'Malformation syndrome', 'Morphological anomaly', 'Biological anomaly', 'Clinical syndrome',
  'Particular clinical situation in a disease or syndrome', 'Clinical subtype', 'Etiological subtype',
  'Histopathological subtype',
]);

/** Upper bound, per million people, of each Orphanet prevalence class. */
const CLASS_UPPER: Record<string, number> = {
  '<1 / 1 000 000': 1,
  '1-9 / 1 000 000': 9,
  '1-9 / 100 000': 90,
  '1-5 / 10 000': 500,
  '6-9 / 10 000': 900,
  '>1 / 1000': 5000,
};
/** Geographies that describe the population at large (a single country may be a founder population). */
const BROAD = new Set(['Worldwide', 'Europe', 'United States', 'Canada', 'United Kingdom']);

interface Prev { PrevalenceType?: string; PrevalenceClass?: string; PrevalenceGeographic?: string }

function prevalences(p: Record<string, unknown>): Prev[] {
  let v = p.Prevalences as unknown;
  if (!v) return [];
  if (!Array.isArray(v)) v = [v];
  const out: Prev[] = [];
  for (const item of v as { Prevalence?: Prev | Prev[] }[]) {
    const q = item?.Prevalence;
    if (Array.isArray(q)) out.push(...q);
    else if (q) out.push(q);
  }
  return out;
}

/**
 * Prevalence upper bound per million: the largest point / birth / lifetime prevalence class over
 * broad geographies (else over all), and an annual incidence class times 10 (a condition lasts
 * years; incidence alone understates how many people have it: meningioma, glioblastoma). Case and
 * family counts alone (no class) mean "known from case reports": 1 per million. Null: no figure.
 */
export function perMillion(prevs: Prev[]): number | null {
  const scored = prevs
    .map((p) => {
      const upper = CLASS_UPPER[p.PrevalenceClass ?? ''];
      if (upper === undefined) return undefined;
      const incidence = /incidence/i.test(p.PrevalenceType ?? '');
      return { value: incidence ? upper * 10 : upper, broad: BROAD.has(p.PrevalenceGeographic ?? '') };
    })
    .filter((x): x is { value: number; broad: boolean } => !!x);
  const pool = scored.some((s) => s.broad) ? scored.filter((s) => s.broad) : scored;
  if (pool.length) return Math.max(...pool.map((s) => s.value));
  if (prevs.some((p) => /cases|famil/i.test(p.PrevalenceType ?? ''))) return 1;
  return null;
}

/** A name someone would type in a post. */
function typeable(name: string): boolean {
  const n = name.trim();
  if (n.length < 4 || n.length > 60) return false;
  if (n.split(/\s+/).length > 6) return false;
  if (/[,;:()[\]/]|\bdue to\b|\bassociated with\b|\brelated\b/i.test(n)) return false;
  // gene-style or numbered codes (SPG24, 17q11 microdeletion, CDG-IIa): not how a case is described
  if (/\d/.test(n) && !/\btype [1-9IV]+$/i.test(n)) return false;
  if (/^[A-Za-z]{1,5}-[A-Za-z]{1,4}$/.test(n) && /[A-Z].*[A-Z]/.test(n)) return false;
  return true;
}

const files = readdirSync(dir).filter((f) => /^ORPHApacket_\d+\.json$/.test(f));
const entries: [number, number | null, ...string[]][] = [];
let version = '';
for (const f of files) {
  const packet = JSON.parse(readFileSync(join(dir, f), 'utf8')).Orphapacket as Record<string, unknown>;
  const type = (packet.DisorderType as { value?: string } | undefined)?.value ?? '';
  if (!KEEP_TYPES.has(type)) continue;
  version ||= String(packet.version ?? '');
  const synonyms = ((packet.Synonyms as { Synonym: string }[] | null) ?? []).map((s) => s.Synonym);
  const names = [...new Set([String(packet.Label), ...synonyms].map((s) => s.trim()).filter(typeable))];
  if (!names.length) continue;
  entries.push([Number(packet.ORPHAcode), perMillion(prevalences(packet)), ...names]);
}
entries.sort((a, b) => a[0] - b[0]);

/** Head nouns after which the word before may name the disease alone (`Kikuchi disease`). */
const HEAD_NOUN = /^([\p{L}'’-]+)\s+(?:disease|syndrome|malformation|anomaly|triad|sequence|complex|disorder|arteritis|vasculitis|encephalitis|encephalopathy|leukodystrophy|cardiomyopathy|myopathy|dystrophy|neuropathy|nephropathy|nephritis|dysplasia|ataxia|tumou?r|sarcoma|lymphadenitis|lymphoma|histiocytosis|fever|phenomenon|ulcer|keratoderma|dermatosis|panniculitis|chorea|palsy|paralysis|epilepsy|myelopathy|retinopathy|thyroiditis|atrophy)$/iu;
/** Endings of adjectives and condition words: not a name (hepatorenal, campomelic, achalasia). */
const NOT_A_NAME = /(?:al|ic|ous|ar|ary|ive|oid|ile|ine|ed|ing|ant|ent|id|ase|osis|iasis|itis|emia|aemia|ia|oma|pathy|plasia|trophy|megaly|uria|ism|ly|ics|genic|form|like|ism)$/;
const HYPHEN_EPONYM = /^[A-Z][\p{L}'’]+-[A-Z][\p{L}'’]+(?:-[A-Z][\p{L}'’]+)?$/u;
const foldWord = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/['’]s$/, '').replace(/['’]/g, '');
const english = new Set(readFileSync(wordsFile, 'utf8').split('\n').map((w) => foldWord(w.trim())).filter(Boolean));
const lexicon = (nlp as unknown as { world(): { model: { one: { lexicon: Record<string, string> } } } }).world().model.one.lexicon;

/** compromise knows the word as anything but a surname. */
const known = (key: string) => key in lexicon && lexicon[key] !== 'LastName';

/** A word that may stand for its disease alone (see `heads` above). */
function distinctive(word: string): boolean {
  const key = foldWord(word);
  if (/\d/.test(word) || /^[A-Z]{2,}(?:-[A-Z]+)*$/.test(word)) return false;
  if (word.includes('-')) return HYPHEN_EPONYM.test(word.replace(/['’]s$/, '')) && key.split('-').every((p) => !english.has(p) && !known(p) && !NOT_A_NAME.test(p));
  return key.length >= 5 && !english.has(key) && !known(key) && !NOT_A_NAME.test(key);
}

const headBounds = new Map<string, number | null>();
const everyName = new Set(entries.flatMap((e) => e.slice(2) as string[]).map(foldWord));
for (const e of entries) {
  for (const name of e.slice(2) as string[]) {
    const m = HEAD_NOUN.exec(name);
    if (!m || !distinctive(m[1])) continue;
    const key = foldWord(m[1]);
    if (everyName.has(key)) continue;
    const prev = headBounds.get(key);
    const bound = e[1];
    headBounds.set(key, prev === undefined ? bound : prev === null ? bound : bound === null ? prev : Math.max(prev, bound));
  }
}
const heads = [...headBounds].sort((a, b) => a[0].localeCompare(b[0]));

const out = {
  $comment: 'Rare-disease vocabulary for the traceable detector, generated by scripts/build-rare-diseases.ts from Orphanet ORPHApackets. Do not edit by hand: hand-curated additions and exclusions live in rules/traceable-rarity.json. Each entry: [ORPHAcode, prevalence upper bound per million or null (no figure), preferred term, ...synonyms].',
  source: {
    name: 'Orphanet ORPHApackets (Orphanet nomenclature of rare diseases, with epidemiology)',
    repository: 'https://github.com/Orphanet/orphapacket',
    ...(commit ? { commit } : {}),
    release: version,
    license: 'CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)',
    attribution: 'Source: Orphanet, www.orpha.net; INSERM, Paris. Data from Orphadata (www.orphadata.com).',
  },
  entries,
  heads,
};
writeFileSync(new URL('../rules/rare-diseases.json', import.meta.url), JSON.stringify(out).replace(/\],\[/g, '],\n[') + '\n');
console.log(`rules/rare-diseases.json: ${entries.length} entries, ${entries.reduce((n, e) => n + e.length - 2, 0)} names, ${heads.length} heads`);
