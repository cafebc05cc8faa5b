import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as fontkit from 'fontkit';

/** Titillium Web, the font of the Italian PA's design system (OFL), as shipped by bootstrap-italia. */
export interface VisuraFonts {
  regular: fontkit.Font;
  semibold: fontkit.Font;
  bold: fontkit.Font;
}

let fonts: VisuraFonts | undefined;

/**
 * The fonts, parsed once per process: parsing a TTF costs more than laying out a whole visura, and
 * pdfkit accepts a parsed font (it subsets it per document, so sharing the parsed font is safe).
 */
export function visuraFonts(): VisuraFonts {
  if (!fonts) {
    const pkg = createRequire(import.meta.url).resolve('bootstrap-italia/package.json');
    const dir = join(dirname(pkg), 'src', 'fonts', 'Titillium_Web');
    const load = (weight: string) => withShapingCache(fontkit.create(readFileSync(join(dir, `titillium-web-v10-latin-ext_latin-${weight}.ttf`))));
    fonts = { regular: load('regular'), semibold: load('600'), bold: load('700') };
  }
  return fonts;
}

const SHAPING_CACHE_LIMIT = 20_000;

/**
 * Shaping a word (OpenType substitutions and kerning) is the renderer's largest cost, and visure
 * repeat most words (labels, preamble, footer). pdfkit caches shaped words per document only, so
 * this keeps them per process. pdfkit scales the positions it gets in place, hence the copies.
 */
function withShapingCache(font: fontkit.Font): fontkit.Font {
  const layout = font.layout.bind(font);
  const cache = new Map<string, fontkit.GlyphRun>();
  font.layout = (text: string, features?: unknown): fontkit.GlyphRun => {
    if (features !== undefined) return layout(text, features);
    let run = cache.get(text);
    if (!run) {
      if (cache.size >= SHAPING_CACHE_LIMIT) cache.clear();
      run = layout(text);
      cache.set(text, run);
    }
    const positions = run.positions.map((p) => ({ xAdvance: p.xAdvance, yAdvance: p.yAdvance, xOffset: p.xOffset, yOffset: p.yOffset }));
    return {
      glyphs: run.glyphs,
      positions,
      get advanceWidth() {
        return positions.reduce((sum, p) => sum + p.xAdvance, 0);
      },
    };
  };
  return font;
}
