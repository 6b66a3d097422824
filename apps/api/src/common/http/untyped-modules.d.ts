// Modules the HTTP layer uses that ship no types. `cookie` 0.7: the serializer Express 5 used, kept so Set-Cookie headers stay byte for byte.
declare module 'cookie' {
  export interface SerializeOptions {
    domain?: string;
    expires?: Date;
    httpOnly?: boolean;
    maxAge?: number;
    partitioned?: boolean;
    path?: string;
    priority?: 'low' | 'medium' | 'high';
    sameSite?: boolean | 'lax' | 'strict' | 'none';
    secure?: boolean;
  }
  export function parse(header: string): Record<string, string | undefined>;
  export function serialize(name: string, value: string, options?: SerializeOptions): string;
}

// The pieces of Express's `compression` middleware that common/http/compression.ts keeps (no types shipped).
declare module 'compressible' {
  function compressible(type: string): boolean | undefined;
  export default compressible;
}
declare module 'negotiator' {
  class Negotiator {
    constructor(request: { headers: Record<string, string | string[] | undefined> });
    encoding(available: string[], options?: { preferred?: string[] }): string | undefined;
  }
  export default Negotiator;
}
declare module 'vary' {
  function vary(res: unknown, field: string | string[]): void;
  namespace vary {
    function append(header: string, field: string | string[]): string;
  }
  export default vary;
}
declare module 'mime-types' {
  export function contentType(typeOrExtension: string): string | false;
}
