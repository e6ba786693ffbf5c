import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** A font parsed by fontkit, pdfkit's own font engine (which ships no types): the little the packet asks of it. */
export interface ParsedFont {
  readonly postscriptName: string;
  hasGlyphForCodePoint(codePoint: number): boolean;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- merging into @types/pdfkit's global namespace
  namespace PDFKit.Mixins {
    interface PDFFont {
      /** pdfkit 0.20 also takes a font fontkit has parsed (PDFFontFactory.open), so one parse serves every document. */
      registerFont(name: string, src: ParsedFont): this;
    }
  }
}

/** One font the packet may embed: the name pdfkit knows it by, and the parsed font. */
export interface PacketFace {
  name: string;
  font: ParsedFont;
}

/** The faces a style falls back through, first to last; the first is the packet's own font. */
export interface FontChain {
  /** The first face that has a glyph for this code point; the first face when none has (it prints its blank). */
  faceFor(codePoint: number): PacketFace;
  readonly base: PacketFace;
}

/**
 * The packet's embedded fonts, all from npm and all under the SIL Open Font License:
 * DejaVu Sans (`dejavu-fonts-ttf`: Latin, Greek, Cyrillic, Arabic, Hebrew, Armenian, Georgian and
 * more) first, then for what DejaVu has no glyph for: Noto Sans Hans (`@embedpdf/fonts-sc`,
 * GB 2312: simplified Chinese, with Japanese kana), Noto Sans KR (`@embedpdf/fonts-kr`: Hangul,
 * hanja, kana), Noto Sans Thai and Noto Sans Devanagari (`@fontsource/noto-sans-thai`,
 * `-devanagari`, their script's subset). The CJK fonts are CFF OpenType (.otf) and the others WOFF 1
 * (.woff): fontkit reads WOFF 2 too, but its subsetter copies WOFF 2's transformed glyph table as
 * is, so pdfkit would embed blanks (tried; the variable WOFF 2 fonts would also print Thin, their
 * default). pdfkit embeds only the glyphs a packet uses. GB 2312 leaves out rarer Chinese characters
 * and some Japanese-only kanji: Noto Sans KR's hanja catch some, the rest still print blank.
 *
 * Each file is read and parsed once per process, a fallback only when a packet first needs one of
 * its characters (the Chinese font is 8 MB; the Chinese and Korean ones took about 0.6 s together to
 * open here), and a character no font has (an emoji) opens them all once. A packet in Latin script
 * never opens them. The parsed fonts are shared by every packet, so their layout tables are read once too.
 *
 * Resolved at run time through Node's own resolver (not webpack's: the built API keeps
 * node_modules external, as the Dockerfile installs them), from the working directory's
 * package.json, which is the repository in development and /app in the image.
 */
function resolveModule(request: string): string {
  return createRequire(join(process.cwd(), 'package.json')).resolve(request);
}

const embedPdfFont = (pkg: string, file: string) => () => join(dirname(resolveModule(pkg)), '..', 'fonts', file);
const dejaVu = (file: string) => () => resolveModule(`dejavu-fonts-ttf/ttf/${file}`);
const fontsource = (pkg: string, file: string) => () => resolveModule(`${pkg}/files/${file}`);

const REGULAR = [
  { name: 'Body', file: dejaVu('DejaVuSans.ttf') },
  { name: 'Body-Hans', file: embedPdfFont('@embedpdf/fonts-sc', 'NotoSansHans-Regular.otf') },
  { name: 'Body-KR', file: embedPdfFont('@embedpdf/fonts-kr', 'NotoSansKR-Regular.otf') },
  { name: 'Body-Thai', file: fontsource('@fontsource/noto-sans-thai', 'noto-sans-thai-thai-400-normal.woff') },
  { name: 'Body-Devanagari', file: fontsource('@fontsource/noto-sans-devanagari', 'noto-sans-devanagari-devanagari-400-normal.woff') },
];
const BOLD = [
  { name: 'Bold', file: dejaVu('DejaVuSans-Bold.ttf') },
  { name: 'Bold-Hans', file: embedPdfFont('@embedpdf/fonts-sc', 'NotoSansHans-Bold.otf') },
  { name: 'Bold-KR', file: embedPdfFont('@embedpdf/fonts-kr', 'NotoSansKR-Bold.otf') },
  { name: 'Bold-Thai', file: fontsource('@fontsource/noto-sans-thai', 'noto-sans-thai-thai-700-normal.woff') },
  { name: 'Bold-Devanagari', file: fontsource('@fontsource/noto-sans-devanagari', 'noto-sans-devanagari-devanagari-700-normal.woff') },
];

interface Fontkit {
  create(buffer: Uint8Array): ParsedFont | { fonts: ParsedFont[] };
}

const isFontkit = (value: unknown): value is Fontkit => typeof value === 'object' && value !== null && 'create' in value && typeof value.create === 'function';

let fontkit: Fontkit | undefined;

/** fontkit as pdfkit loads it (the same copy, a dependency of its own too), parsing one font file. */
function openFont(path: string): ParsedFont {
  if (!fontkit) {
    const loaded: unknown = createRequire(join(process.cwd(), 'package.json'))('fontkit');
    if (!isFontkit(loaded)) throw new Error('fontkit did not load');
    fontkit = loaded;
  }
  const font = fontkit.create(readFileSync(path));
  if (!('hasGlyphForCodePoint' in font)) throw new Error(`${path} is a font collection, not a font`);
  return font;
}

class LazyFontChain implements FontChain {
  private readonly loaded: Array<PacketFace | undefined> = [];
  /** Which face each code point seen so far falls to; bounded by the characters packets use. */
  private readonly picked = new Map<number, PacketFace>();

  constructor(private readonly faces: ReadonlyArray<{ name: string; file: () => string }>) {}

  private face(i: number): PacketFace {
    const spec = this.faces[i];
    if (!spec) throw new Error(`No font ${i} in the chain`);
    return (this.loaded[i] ??= { name: spec.name, font: openFont(spec.file()) });
  }

  get base(): PacketFace {
    return this.face(0);
  }

  faceFor(codePoint: number): PacketFace {
    let face = this.picked.get(codePoint);
    if (!face) {
      face = this.base;
      for (let i = 0; i < this.faces.length; i += 1) {
        if (this.face(i).font.hasGlyphForCodePoint(codePoint)) {
          face = this.face(i);
          break;
        }
      }
      this.picked.set(codePoint, face);
    }
    return face;
  }
}

let chains: { regular: FontChain; bold: FontChain } | undefined;

/** The regular and bold chains, made once per process. */
export function packetFonts(): { regular: FontChain; bold: FontChain } {
  chains ??= { regular: new LazyFontChain(REGULAR), bold: new LazyFontChain(BOLD) };
  return chains;
}
