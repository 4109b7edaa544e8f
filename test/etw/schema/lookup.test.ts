import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sharedEtwDir } from '../../support/etw/paths.js';
import { findEventSchema, findProviderSchema, findProviderSchemaByName } from '../../../src/etw/schema/lookup.js';

const HTTP = 'dd5ef90a-6398-47a4-ad34-4dcecdef795f';
const WCF = 'c651f5f6-1c0d-492e-8ae1-b4efd7c9d503';

describe('bundled ETW schemas', () => {
  it('finds Http.sys RecvReq by GUID, id and version, with the Windows 7 layout and outTypes', () => {
    const recvReq = findEventSchema(HTTP, 1, 0);
    expect(recvReq).toMatchObject({ name: 'RecvReq', level: 4, task: 1, opcode: 11, taskName: 'HTTP Request Trace Task' });
    expect(recvReq?.fields).toEqual([
      { name: 'RequestId', inType: 'UInt64', outType: 'HexInt64' },
      { name: 'ConnectionId', inType: 'UInt64', outType: 'HexInt64' },
      { name: 'RemoteAddrLength', inType: 'UInt32', outType: 'unsignedInt' },
      { name: 'RemoteAddr', inType: 'Binary', outType: 'SocketAddress', length: 'RemoteAddrLength' },
    ]);
  });

  it('names Http.sys events by the opcode name tracerpt shows (the table in etw-facts.md)', () => {
    const names: Record<number, string> = {
      1: 'RecvReq', 2: 'Parse', 3: 'Deliver', 4: 'RecvResp', 5: 'RecvRespLast', 8: 'FastResp', 9: 'FastRespLast',
      10: 'SendComplete', 11: 'CachedAndSend', 12: 'FastSend', 13: 'ZeroSend', 14: 'LastSndError', 15: 'SndError',
      21: 'ConnConnect', 22: 'ConnIdAssgn', 23: 'ConnClose', 24: 'ConnCleanup',
    };
    for (const [id, name] of Object.entries(names)) expect(findEventSchema(HTTP, Number(id), 0)?.name).toBe(name);
  });

  it('keeps Windows 10 only events and versions, with outTypes inherited by field name', () => {
    const v1 = findProviderSchema(HTTP)?.events.filter((e) => e.version === 1) ?? [];
    expect(v1.length).toBe(6);
    const quic = findEventSchema(HTTP, 105, 0);
    expect(quic?.symbol).toBe('HTTPConnectionTraceTaskQuicConnection');
    expect(findProviderSchema(HTTP)?.events.length).toBe(107);
  });

  it('covers the WCF events the spans need, named by opcode or by the .NET manifest symbol', () => {
    expect(findProviderSchema(WCF)?.name).toBe('Microsoft-Windows-Application Server-Applications');
    expect(findProviderSchema(WCF)?.events.length).toBe(481);
    expect(findEventSchema(WCF, 217, 0)).toMatchObject({ name: 'OperationPrepared', symbol: 'ClientOperationPrepared', opcode: 20 });
    expect(findEventSchema(WCF, 215, 0)).toMatchObject({ name: 'MessageReceivedByTransport', opcodeName: 'Stop', opcode: 2 });
    expect(findEventSchema(WCF, 499, 0)).toMatchObject({ name: 'TransferEmitted', level: 0 });
    expect(findEventSchema(WCF, 214, 0)?.fields.map((f) => f.name)).toEqual(['MethodName', 'Duration', 'HostReference', 'AppDomain']);
    expect(findEventSchema(WCF, 205, 0)?.name).toBe('OperationInvokerStart');
  });

  it('finds providers by name, case-insensitively, and nothing for unknown keys', () => {
    expect(findProviderSchemaByName('microsoft-windows-httpservice')?.guid).toBe(HTTP);
    expect(findProviderSchemaByName('nope')).toBeUndefined();
    expect(findEventSchema(HTTP, 9999, 0)).toBeUndefined();
    expect(findEventSchema('00000000-0000-0000-0000-000000000000', 1, 0)).toBeUndefined();
  });

  // The manifests are reference data outside the repo (../shared/etw); where they are absent (a clone on its
  // own) there is nothing to regenerate from.
  const manifests = sharedEtwDir();
  (manifests !== undefined ? it : it.skip)('is what the generator writes from the manifests (committed tables are current)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'etw-schemas-'));
    const generated = join(__dirname, '../../../src/etw/schema/generated');
    execFileSync(process.execPath, [join(__dirname, '../../../scripts/gen-etw-schemas.mjs'), manifests ?? ''], {
      env: { ...process.env, ETW_SCHEMA_OUT: dir },
    });
    expect(readdirSync(dir).sort()).toEqual(readdirSync(generated).sort());
    for (const file of readdirSync(generated)) {
      expect(readFileSync(join(dir, file), 'utf8')).toBe(readFileSync(join(generated, file), 'utf8'));
    }
  });
});
