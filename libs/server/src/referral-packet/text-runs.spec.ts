import { FontChain, PacketFace } from './packet-fonts';
import { textRuns } from './text-runs';

const face = (name: string, has: (codePoint: number) => boolean): PacketFace => ({ name, font: { postscriptName: name, hasGlyphForCodePoint: has } });
/** Latin, Cyrillic and Arabic in the first face (as DejaVu Sans), CJK ideographs in the second. */
const base = face('Body', (c) => c < 0x3000);
const cjk = face('Body-Hans', (c) => c === 0x20 || (c >= 0x4e00 && c <= 0x9fff));
const chain: FontChain = { base, faceFor: (c) => [base, cjk].find((f) => f.font.hasGlyphForCodePoint(c)) ?? base };
const runs = (text: string) => textRuns(text, chain).map((run) => [run.face.name, run.text]);

describe('textRuns', () => {
  it('keeps plain text as one run in the first face', () => {
    expect(runs('Handle: @emma.lux2009')).toEqual([['Body', 'Handle: @emma.lux2009']]);
    expect(runs('@сергей_77 · 13–17')).toEqual([['Body', '@сергей_77 · 13–17']]);
  });

  it('sets each character in the first face that has it', () => {
    expect(runs('@王小明_88')).toEqual([
      ['Body', '@'],
      ['Body-Hans', '王小明'],
      ['Body', '_88'],
    ]);
  });

  it('keeps a space inside a run whose face has it, and otherwise with the left-to-right text before it', () => {
    expect(runs('王 小明 and')).toEqual([
      ['Body-Hans', '王 小明 '],
      ['Body', 'and'],
    ]);
  });

  it('runs right-to-left words apart, with the spaces around them on the left-to-right side', () => {
    expect(runs('He wrote: هددني بنشر الصور (then)')).toEqual([
      ['Body', 'He wrote: '],
      ['Body', 'هددني بنشر الصور'],
      ['Body', ' (then)'],
    ]);
  });

  it('falls back to the first face for a character no face has', () => {
    expect(runs('a\u{1F600}b')).toEqual([['Body', 'a\u{1F600}b']]);
  });
});
