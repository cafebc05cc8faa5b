// fontkit ships no types; pdfkit only needs the object it returns (it calls `layout` on it).
declare module 'fontkit' {
  export interface Font {
    layout(text: string): unknown;
    readonly postscriptName: string;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
