// What docs/guide.md says about adoptTraceId and sampling, with the real SDK's samplers: the adopted
// parent is sampled, so under ParentBased the root sampler is bypassed; the recipe with a trace-id ratio
// for sampled remote parents gives back a bounded decision that every service makes the same way.
import { Context, defaultTextMapGetter, ROOT_CONTEXT, Sampler, SamplingDecision, SpanKind, TraceFlags } from '@opentelemetry/api';
import { E2EActivityPropagator } from '../../src/index.js';
import { distinctGuids, traceIdOf, wcfHeaderOf } from '../support/dotnet-guid.js';
import { AlwaysOffSampler, ParentBasedSampler, TraceIdRatioBasedSampler, TracerProvider } from '../support/tracing.js';

const adopting = new E2EActivityPropagator({ adoptTraceId: true });
const GUIDS = distinctGuids(200);

function incoming(guid: string): Context {
  return adopting.extract(ROOT_CONTEXT, { e2eactivity: wcfHeaderOf(guid) }, defaultTextMapGetter);
}

/** Whether a service with this sampler records the server span of a request that carries `guid`. */
function sampledBy(sampler: Sampler, guid: string): boolean {
  const provider = new TracerProvider({ sampler });
  const span = provider.getTracer('service').startSpan('GET /', { kind: SpanKind.SERVER }, incoming(guid));
  const sampled = span.isRecording();
  span.end();
  expect((span.spanContext().traceFlags & TraceFlags.SAMPLED) !== 0).toBe(sampled);
  return sampled;
}

describe('adoptTraceId and sampling', () => {
  it('under ParentBased with any root sampler, every client that sends E2EActivity is sampled', () => {
    const sampler = new ParentBasedSampler({ root: new AlwaysOffSampler() });
    expect(GUIDS.filter((guid) => sampledBy(sampler, guid))).toHaveLength(GUIDS.length);
  });

  describe('the recipe: remoteParentSampled: new TraceIdRatioBasedSampler(r)', () => {
    const ratio = 0.5;
    const recipe = (): Sampler =>
      new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(ratio), remoteParentSampled: new TraceIdRatioBasedSampler(ratio) });

    it('decides by the trace id, which is the GUID: as the ratio sampler would for a new trace', () => {
      const byRatio = new TraceIdRatioBasedSampler(ratio);
      for (const guid of GUIDS) {
        const expected = byRatio.shouldSample(ROOT_CONTEXT, traceIdOf(guid)).decision !== SamplingDecision.NOT_RECORD;
        expect(sampledBy(recipe(), guid)).toBe(expected);
      }
    });

    it('samples some activities and not others, and every service decides the same for one activity', () => {
      const front = GUIDS.map((guid) => sampledBy(recipe(), guid));
      const back = GUIDS.map((guid) => sampledBy(recipe(), guid));
      expect(back).toEqual(front);
      expect(front).toContain(true);
      expect(front).toContain(false);
    });
  });
});
