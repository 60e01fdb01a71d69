/**
 * Slot lists for a snapshot: each term's ascending slots as gaps (the first from 0), LEB128 varints.
 * Most gaps of frequent terms fit one byte, so this is about a third of plain 32-bit slots.
 */

export function encodePostings(offsets: Uint32Array, slots: Uint32Array): Uint8Array {
  const terms = offsets.length - 1;
  let size = 0;
  for (let t = 0; t < terms; t++) {
    let prev = 0;
    for (let p = offsets[t] as number; p < (offsets[t + 1] as number); p++) {
      const slot = slots[p] as number;
      size += varintSize(slot - prev);
      prev = slot;
    }
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (let t = 0; t < terms; t++) {
    let prev = 0;
    for (let p = offsets[t] as number; p < (offsets[t + 1] as number); p++) {
      const slot = slots[p] as number;
      let gap = slot - prev;
      prev = slot;
      while (gap >= 0x80) {
        out[at++] = (gap & 0x7f) | 0x80;
        gap >>>= 7;
      }
      out[at++] = gap;
    }
  }
  return out;
}

export function decodePostings(offsets: Uint32Array, bytes: Uint8Array): Uint32Array {
  const terms = offsets.length - 1;
  const slots = new Uint32Array(offsets[terms] as number);
  let at = 0;
  for (let t = 0; t < terms; t++) {
    let prev = 0;
    const end = offsets[t + 1] as number;
    for (let p = offsets[t] as number; p < end; p++) {
      let gap = 0;
      let shift = 0;
      let byte: number;
      do {
        if (at >= bytes.length) throw new Error('related index snapshot: slot lists end early');
        byte = bytes[at++] as number;
        gap |= (byte & 0x7f) << shift;
        shift += 7;
      } while (byte & 0x80);
      prev += gap;
      slots[p] = prev;
    }
  }
  if (at !== bytes.length) throw new Error('related index snapshot: slot lists are longer than their counts');
  return slots;
}

function varintSize(value: number): number {
  return value < 0x80 ? 1 : value < 0x4000 ? 2 : value < 0x200000 ? 3 : value < 0x10000000 ? 4 : 5;
}
