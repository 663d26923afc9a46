// Many small byte arrays as one transferable buffer plus end offsets, for crossing the worker boundary without
// cloning (a structured clone of a Uint8Array view copies its whole underlying ArrayBuffer).

export interface Packed {
  buffer: ArrayBuffer;
  ends: number[];
}

export function pack(parts: readonly Uint8Array[]): Packed {
  let total = 0;
  for (const p of parts) total += p.byteLength;
  const bytes = new Uint8Array(total);
  const ends: number[] = [];
  let offset = 0;
  for (const p of parts) {
    bytes.set(p, offset);
    offset += p.byteLength;
    ends.push(offset);
  }
  return { buffer: bytes.buffer, ends };
}

export function unpack(packed: Packed): Uint8Array[] {
  const out: Uint8Array[] = [];
  let start = 0;
  for (const end of packed.ends) {
    out.push(new Uint8Array(packed.buffer, start, end - start));
    start = end;
  }
  return out;
}
