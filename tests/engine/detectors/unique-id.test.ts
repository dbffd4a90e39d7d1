import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/engine/analyze';

const found = (text: string) => analyze(text).filter((f) => f.type === 'UNIQUE_ID').map((f) => f.text);

describe('unique-id detector', () => {
  it.each([
    // inmate number with a hash label touching the value
    ['the guard read his inmate number (DOC #B550192) aloud in the MRI suite', 'B550192'],
    // badge number
    ['the patient, a deputy, badge #4471, was shot in the leg', '4471'],
    // tattoo text
    ['Unknown trauma patient; only ID was a tattoo reading "Marisol 4ever 2003". CT showed a bleed.', 'Marisol 4ever 2003'],
    // tattoo text in capitals before "tattooed on"
    ['the trauma pt had NO REGRETS tattooed across his knuckles, CT was clean', 'NO REGRETS'],
    // unquoted tattoo text after "that says"
    ['MVC patient, a tattoo on his back that says Semper Fi Grandpa. Scan pending', 'Semper Fi Grandpa'],
    // the only one of an occupation in a town
    ['Scanned the only dentist in Harlow Springs today, broken wrist', 'the only dentist'],
    // the town's only X
    ["The town's only farrier has a stress fracture on MRI", "The town's only farrier"],
    // office holder with a case
    ['Read a head CT on the town mayor after the parade crash', 'the town mayor'],
    // a team role
    ["Had the Red Foxes' starting quarterback in for a knee MRI", "the Red Foxes' starting quarterback"],
    // a school role
    ['CT on the Lakeview High junior who was hurt at practice', 'Lakeview High junior'],
    // community role
    ['His mom is the choir director at our church and the CT was bad', 'the choir director at our church'],
    // rare competitive sport
    ['A competitive teenage ski-jump racer with a femur fracture on x-ray', 'competitive teenage ski-jump racer'],
    // one of the last of a group
    ['I read a CT on one of the last living Navajo Code Talkers', 'one of the last living Navajo Code Talkers'],
    // a trade only one person holds on a named island, by its suffix
    ['The last oysterman on Grell Island came in with a crushed thumb on x-ray', 'The last oysterman'],
    // a small-town office seen in clinic
    ['Saw the mayor of Tilden in clinic this morning, doing fine', 'the mayor of Tilden'],
    // tattoo text quoted after a comma
    ['Wrist fracture, and the tattoo above it, "RIDE OR DIE 1999", was intact', 'RIDE OR DIE 1999'],
  ])('finds %j', (text, expected) => {
    expect(found(text)).toEqual([expected]);
  });

  it.each([
    // the author, not the patient
    ['On Christmas I was the only radiologist covering three hospitals and read 90 CTs'],
    // a professional acting in the case
    ['the district attorney asked us for the CT report'],
    // a role with no case in the draft
    ['Thanks to the county sheriff for speaking at our gala'],
    // "the only thing" is not a role
    ['the only thing in his wallet was a bus pass; CT was negative'],
    // an acronym before "tattooed" that is not tattoo text
    ['the ICU tattooed nurses ran a charity calendar this year'],
    // a pro athlete whose injury is already public news
    ["the Falcons' quarterback's knee MRI is trending everywhere today"],
    // a thing, not a trade, in a named place
    ['the only scanner in Harlow was down so the CT waited'],
  ])('ignores %j', (text) => {
    expect(found(text)).toEqual([]);
  });
});
