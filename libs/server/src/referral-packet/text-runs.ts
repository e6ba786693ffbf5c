import { FontChain, PacketFace } from './packet-fonts';

/** A stretch of text set in one face and one direction. */
export interface TextRun {
  text: string;
  face: PacketFace;
}

/** Hebrew, Arabic, Syriac, Thaana, N'Ko and the rest of the right-to-left blocks, and their presentation forms. */
function isRightToLeft(codePoint: number): boolean {
  return (codePoint >= 0x0590 && codePoint <= 0x08ff) || (codePoint >= 0xfb1d && codePoint <= 0xfdff) || (codePoint >= 0xfe70 && codePoint <= 0xfeff);
}

const PLAIN = /^[\x20-\x7e]*$/;

/**
 * Splits text into runs for pdfkit: each character goes to the first face of the chain that has a
 * glyph for it, and right-to-left letters run apart from left-to-right ones. pdfkit lays out one run
 * at a time (fontkit shapes it and, for a right-to-left script, orders its glyphs from the right),
 * so "Name: محمد end" prints and reads back in order, where one run would turn the whole line round.
 * A space stays inside a run when the characters either side share it (a name in two words), and
 * otherwise goes with the left-to-right text before it (after it, when what is before is right-to-left). Printable ASCII, most of a packet, is
 * one run in the chain's first face without looking further.
 */
export function textRuns(text: string, chain: FontChain): TextRun[] {
  if (PLAIN.test(text)) return [{ text, face: chain.base }];
  const chars = [...text].map((char) => {
    const codePoint = char.codePointAt(0) ?? 0;
    const space = /\s/u.test(char);
    return { char, space, face: space ? chain.base : chain.faceFor(codePoint), rtl: !space && isRightToLeft(codePoint) };
  });
  const key = (c: { face: PacketFace; rtl: boolean }) => `${c.face.name}${c.rtl ? ' rtl' : ''}`;
  const nearest = (from: number, step: 1 | -1) => {
    for (let i = from + step; i >= 0 && i < chars.length; i += step) if (!chars[i]?.space) return chars[i];
    return undefined;
  };
  chars.forEach((c, i) => {
    if (!c.space) return;
    const before = nearest(i, -1);
    const after = nearest(i, 1);
    const shared = before && after && key(before) === key(after) && before.face.font.hasGlyphForCodePoint(c.char.codePointAt(0) ?? 0);
    const ltr = [before, after].find((n) => n && !n.rtl);
    Object.assign(c, shared ? { face: before.face, rtl: before.rtl } : { face: ltr?.face ?? chain.base, rtl: false });
  });
  const runs: Array<TextRun & { key: string }> = [];
  for (const c of chars) {
    const last = runs.at(-1);
    if (last && last.key === key(c)) last.text += c.char;
    else runs.push({ text: c.char, face: c.face, key: key(c) });
  }
  return runs.map(({ text: run, face }) => ({ text: run, face }));
}
