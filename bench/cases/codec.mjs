// The codec alone, next to plain atob / Buffer decoders and the fastest decoder written for this bench.
import { pkg } from '../lib/modules.mjs';
import { ACTIVITY } from '../lib/fixtures.mjs';
import { decodeHandTuned, decodeWithAtob, decodeWithBuffer } from '../lib/decoders.mjs';

const group = 'codec (vs fastest hand-written decoder)';
const GUID = '100f44d4-c7ac-45dc-98f7-974c064d61dd';

export function codecCases() {
  // Taken off the module once: the CommonJS index re-exports through getters, a call each time it is read.
  const { decodeE2EActivity, encodeE2EActivity } = pkg;
  return [
    { group, name: 'hand-tuned decoder (bench/lib/decoders.mjs)', op: () => decodeHandTuned(ACTIVITY), baseline: true },
    { group, name: 'decodeE2EActivity', op: () => decodeE2EActivity(ACTIVITY), target: 1.3 },
    { group, name: 'encodeE2EActivity', op: () => encodeE2EActivity(GUID) },
    { group, name: 'plain atob decoder', op: () => decodeWithAtob(ACTIVITY) },
    { group, name: "plain Buffer.from(x, 'base64') decoder", op: () => decodeWithBuffer(ACTIVITY) },
  ];
}
