// Minimal types for parse5 5.x (which ships none), as the bulletin test uses it.
declare module 'parse5' {
  export interface DefaultTreeAdapterMap {
    node: { nodeName: string; childNodes?: unknown[]; value?: string; tagName?: string; attrs?: Array<{ name: string; value: string }> };
    element: { nodeName: string; tagName: string; attrs: Array<{ name: string; value: string }>; childNodes: unknown[] };
    template: { content: unknown };
  }
  export function parse(html: string): unknown;
}
