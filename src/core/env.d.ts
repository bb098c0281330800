// The few platform globals core may use: they exist in Node, browsers and workers alike.
// Core compiles with "types": [] and no DOM lib, so window, process or Buffer fail to compile.
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: Uint8Array): string;
}
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
