/**
 * Postings for a snapshot, each term's run in turn: per posting one LEB128 varint (7 bits a byte)
 * of the gap to the previous slot (the first from 0) shifted left once, its low bit set when a tf
 * byte follows. Without that byte the posting is the commonest kind: once in the abstract, not in
 * the title (three postings in four on the arXiv dataset). About 1.5 bytes a posting instead of 5.
 */

/** The packed tf (see postings.ts) a posting has when no tf byte is written: abstract 1, title 0. */
const COMMON_TF = 1;

export function encodePostings(offsets: Uint32Array, slots: Uint32Array, tfs: Uint8Array): Uint8Array<ArrayBuffer> {
  const terms = offsets.length - 1;
  let size = 0;
  for (let t = 0; t < terms; t++) {
    let prev = 0;
    for (let p = offsets[t] as number; p < (offsets[t + 1] as number); p++) {
      const slot = slots[p] as number;
      size += varintSize((slot - prev) * 2) + (tfs[p] === COMMON_TF ? 0 : 1);
      prev = slot;
    }
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (let t = 0; t < terms; t++) {
    let prev = 0;
    for (let p = offsets[t] as number; p < (offsets[t + 1] as number); p++) {
      const slot = slots[p] as number;
      const tf = tfs[p] as number;
      let value = (slot - prev) * 2 + (tf === COMMON_TF ? 0 : 1);
      prev = slot;
      while (value >= 0x80) {
        out[at++] = (value & 0x7f) | 0x80;
        value = Math.floor(value / 0x80);
      }
      out[at++] = value;
      if (tf !== COMMON_TF) out[at++] = tf;
    }
  }
  return out;
}

/** Throws unless the bytes hold exactly `offsets`' count of postings, slots ascending and below `docCount`. */
export function decodePostings(
  offsets: Uint32Array,
  bytes: Uint8Array,
  docCount: number,
): { slots: Uint32Array<ArrayBuffer>; tfs: Uint8Array<ArrayBuffer> } {
  const terms = offsets.length - 1;
  const slots = new Uint32Array(offsets[terms] as number);
  const tfs = new Uint8Array(slots.length);
  const damaged = (): Error => new Error('related index: snapshot postings are damaged');
  let at = 0;
  for (let t = 0; t < terms; t++) {
    let prev = 0;
    const start = offsets[t] as number;
    const end = offsets[t + 1] as number;
    for (let p = start; p < end; p++) {
      let value = 0;
      let scale = 1;
      let byte: number;
      do {
        if (at >= bytes.length || scale > 0x10000000) throw damaged();
        byte = bytes[at++] as number;
        value += (byte & 0x7f) * scale;
        scale *= 0x80;
      } while (byte & 0x80);
      const gap = Math.floor(value / 2);
      prev += gap;
      if (prev >= docCount || (gap === 0 && p > start)) throw damaged();
      slots[p] = prev;
      if (value & 1) {
        if (at >= bytes.length) throw damaged();
        tfs[p] = bytes[at++] as number;
      } else tfs[p] = COMMON_TF;
    }
  }
  if (at !== bytes.length) throw damaged();
  return { slots, tfs };
}

function varintSize(value: number): number {
  let size = 1;
  while (value >= 0x80) {
    value = Math.floor(value / 0x80);
    size++;
  }
  return size;
}
