import states from '../../../rules/us-states.json';
import { facility } from '../detectors/facility';
import { location } from '../detectors/location';
import { detectOnce } from '../scope';
import type { DetectContext } from '../types';
import type { QuasiPart } from './phrases';

/**
 * PLACE quasi-identifiers of a draft (GUIDELINE.md `traceable`): where the case happened or the
 * patient is from: town, region, hospital, unit, venue, school, team, and, unlike PHI, a state
 * (`a wildland firefighter from Montana`). The town and facility patterns are the PHI detectors'
 * own (location, facility: a place that is PHI is also a PLACE); states and schools are added here.
 * Vague places (`out west`, `a rural county`, `our state`) are not places.
 */

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
const STATE_ALT = [...states.names].sort((a, b) => b.length - a.length).map(esc).join('|');
const STATE_RE = new RegExp(String.raw`\b(?:from|in|of|near|outside(?:\s+of)?|out\s+of|across|rural|northern|southern|eastern|western|central|upstate|downstate)\s+(${STATE_ALT})\b(?!\s+(?:State|University|College|Medical|Health|Hospital|Children'?s))`, 'g');
/** Silver Creek High, Lincoln Middle School, Riverside Academy */
const SCHOOL_RE = /\b(?:[A-Z][a-z]+\s){1,3}(?:High(?:\s+School)?|Middle\s+School|Elementary(?:\s+School)?|Academy|Prep)\b/g;
/** Fenwick General, Lakeside Regional, Mercy Children's, St. Adelaide's: a facility by its name, case or not. */
const FACILITY_NAME_RE = /\b(?:(?:St\.?|Saint)\s+[A-Z][a-z]+['’]s|(?:[A-Z][a-z]+\s){1,3}(?:General|Regional|Memorial|Community Hospital|Hospital|Medical Center|Medical Centre|Children['’]s|Clinic|Infirmary|Health Center))\b/g;
/** Minimum score of a location or facility candidate taken as a PLACE (their reporting threshold). */
const MIN_SCORE = 0.5;

export function findPlaces(ctx: DetectContext): QuasiPart[] {
  const out: QuasiPart[] = [];
  for (const c of detectOnce(location, ctx)) if (c.score >= MIN_SCORE) out.push({ start: c.start, end: c.end, kind: 'PLACE', rule: `location/${c.explanation.pattern}` });
  for (const c of detectOnce(facility, ctx)) if (c.score >= MIN_SCORE) out.push({ start: c.start, end: c.end, kind: 'PLACE', rule: `facility/${c.explanation.pattern}` });
  for (const m of ctx.text.matchAll(STATE_RE)) {
    const s = m.index! + m[0].length - m[1].length;
    out.push({ start: s, end: s + m[1].length, kind: 'PLACE', rule: 'state' });
  }
  for (const m of ctx.text.matchAll(FACILITY_NAME_RE)) {
    if (/^(?:The|A|An|Our|My|At|In|From|To|This|That)\s/.test(m[0])) continue;
    out.push({ start: m.index!, end: m.index! + m[0].length, kind: 'PLACE', rule: 'facility-name' });
  }
  for (const m of ctx.text.matchAll(SCHOOL_RE)) {
    if (/^(?:The|A|An|Our|My|At|In|From)\s/.test(m[0])) continue;
    out.push({ start: m.index!, end: m.index! + m[0].length, kind: 'PLACE', rule: 'school' });
  }
  return out;
}
