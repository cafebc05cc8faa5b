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
    const load = (weight: string) => fontkit.create(readFileSync(join(dir, `titillium-web-v10-latin-ext_latin-${weight}.ttf`)));
    fonts = { regular: load('regular'), semibold: load('600'), bold: load('700') };
  }
  return fonts;
}
