import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/engine/analyze';

const found = (text: string) => analyze(text).filter((f) => f.type === 'URL');

describe('url detector', () => {
  it.each([
    // a patient's fundraiser
    ["Her family's fundraiser: gofundme.com/f/help-mara-heal. Anything helps!", 'gofundme.com/f/help-mara-heal'],
    // a care journal
    ['His care page is caringbridge.org/visit/joeystrong if you want to send love', 'caringbridge.org/visit/joeystrong'],
    // a PACS viewer link with a study UID
    ['link to her study https://pacs.example.net/viewer?study=1.2.840.10008.5.1.4 sent by text', 'https://pacs.example.net/viewer?study=1.2.840.10008.5.1.4'],
    // a shared folder of a child's images
    ['The parents shared the CD on dropbox.com/s/x81k2/ct-images (6yo, posterior fossa mass)', 'dropbox.com/s/x81k2/ct-images'],
    // the patient's social post
    ['A patient of mine is posting her own MRI: tiktok.com/@ana.runs/video/7301122', 'tiktok.com/@ana.runs/video/7301122'],
    // a patient's blog she asked me to share
    ['She asked me to share: marasjourney.blogspot.com.', 'marasjourney.blogspot.com'],
    // an image-share link with a token path, the patient named right after it
    ['Whole stack here: https://pacs-share.example.net/s/Qw81zLm4 (pt J. Ruiz, 62M, post-op)', 'https://pacs-share.example.net/s/Qw81zLm4'],
    // a bare social profile with a cue to follow the patient after it
    ['the boy who asked for a cast selfie has a channel now: youtube.com/@castkid42 please follow him', 'youtube.com/@castkid42'],
  ])('finds %j', (text, expected) => {
    expect(found(text).map((f) => f.text)).toEqual([expected]);
  });

  it.each([
    // journal article
    ['Full text (open access): https://pubs.rsna.org/doi/10.1148/radiol.230001'],
    // guideline on a society site
    ['The white paper (acr.org/Clinical-Resources/Incidental-Findings) is worth bookmarking.'],
    // the author's lab recruiting
    ["We're recruiting a postdoc: details at kimlab.org/join."],
    // podcast episode
    ['New episode out now at thereadingroomcast.com/episodes/12'],
    // a DOI
    ['doi.org/10.1016/j.radcr.2026.01.044'],
    // a share-token link to the author's slides
    ['my slides from the talk: https://share.example.org/s/abcdef12'],
    // the PACS front door with no study in the path
    ['The new viewer is live at https://pacs.example-health.org, log in with your badge'],
  ])('ignores %j', (text) => {
    expect(found(text)).toEqual([]);
  });
});
