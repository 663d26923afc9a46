// @ts-check
// Many small byte arrays as one transferable buffer plus end offsets, for crossing the worker boundary without
// cloning (a structured clone of a Uint8Array view copies its whole underlying ArrayBuffer).
// Plain JavaScript (types in JSDoc): the SQLite worker imports it and runs without a TypeScript loader.

/**
 * @typedef {object} Packed
 * @property {ArrayBuffer} buffer
 * @property {number[]} ends
 */

/**
 * @param {readonly Uint8Array[]} parts
 * @returns {Packed}
 */
export function pack(parts) {
  let total = 0;
  for (const p of parts) total += p.byteLength;
  const bytes = new Uint8Array(total);
  /** @type {number[]} */
  const ends = [];
  let offset = 0;
  for (const p of parts) {
    bytes.set(p, offset);
    offset += p.byteLength;
    ends.push(offset);
  }
  return { buffer: bytes.buffer, ends };
}

/**
 * @param {Packed} packed
 * @returns {Uint8Array[]}
 */
export function unpack(packed) {
  /** @type {Uint8Array[]} */
  const out = [];
  let start = 0;
  for (const end of packed.ends) {
    out.push(new Uint8Array(packed.buffer, start, end - start));
    start = end;
  }
  return out;
}
