// Hand-written event XML from the seed blog (../shared/seeds/httpsys-blog.txt, "Event Tracing in Http.sys").
// Part 2 shows a Parse event as tracerpt wrote it (the blog's copy lost its tags: the element names
// here are tracerpt's, the values are the blog's). The blog does not show the provider GUID, the time, the
// correlation or the execution ids; those are filled in (Http.sys's GUID, a time on the blog's date).
export const TRACERPT_PARSE_EVENT = `<?xml version="1.0" encoding="UTF-8"?>
<Events>
<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event">
  <System>
    <Provider Name="Microsoft-Windows-HttpService" Guid="{dd5ef90a-6398-47a4-ad34-4dcecdef795f}" />
    <EventID>2</EventID>
    <Version>0</Version>
    <Level>4</Level>
    <Task>1</Task>
    <Opcode>12</Opcode>
    <Keywords>0x8000000000000002</Keywords>
    <TimeCreated SystemTime="2007-01-25T19:00:00.123456789Z" />
    <Correlation ActivityID="{80000004-0000-fb00-b63f-84710c7967bb}" />
    <Execution ProcessID="4" ThreadID="2252" ProcessorID="1" KernelTime="15" UserTime="0" />
    <Channel>Microsoft-Windows-HttpService/Trace</Channel>
    <Computer />
  </System>
  <EventData>
    <Data Name="RequestObj">0xFFFFFA8001BB5320</Data>
    <Data Name="HttpVerb">4</Data>
    <Data Name="Url">http://localhost:80/RequestQueueTests/</Data>
  </EventData>
  <RenderingInfo Culture="en-US">
    <Level>Information </Level>
    <Opcode>Parse </Opcode>
    <Keywords>
      <Keyword>Flagged on all HTTP events dealing with request processing </Keyword>
    </Keywords>
    <Task>HTTP Request Trace Task </Task>
    <Message>Parsed request (request pointer 0xFFFFFA8001BB5320, method 4) with URI http://localhost:80/. </Message>
    <Channel>HTTP Service Channel </Channel>
    <Provider>Microsoft-Windows-HttpService </Provider>
  </RenderingInfo>
</Event>
</Events>
`;

/** Part 3, "a typical request": each event's name and Data as the blog lists them. */
export const TYPICAL_REQUEST: readonly { id: number; name: string; data: Record<string, string> }[] = [
  { id: 21, name: 'ConnConnect', data: { ConnectionObj: '0x840C9008', LocalAddrLength: '28', LocalAddr: '[::1]:80', RemoteAddrLength: '28', RemoteAddr: '[::1]:50438' } },
  { id: 22, name: 'ConnIdAssgn', data: { RequestId: '0xFB00000080000004', ConnectionId: '0xFB00000060000003', ConnectionObj: '0x840C9008' } },
  { id: 1, name: 'RecvReq', data: { RequestId: '0xFB00000080000004', ConnectionId: '0xFB00000060000003', RemoteAddrLength: '28', RemoteAddr: '[::1]:50438' } },
  { id: 2, name: 'Parse', data: { RequestObj: '0x840D8A38', HttpVerb: '4', Url: 'http://localhost:80/' } },
  { id: 3, name: 'Deliver', data: { RequestObj: '0x840D8A38', RequestId: '0xFB00000080000004', SiteId: '1', RequestQueueName: 'DefaultAppPool', Url: 'http://localhost:80/', Status: '0' } },
  { id: 8, name: 'FastResp', data: { RequestId: '0xFB00000080000004', ConnectionId: '0xFB00000060000003', StatusCode: '200', Verb: 'GET', HeaderLength: '0', EntityChunkCount: '0', CachePolicy: '0' } },
  { id: 12, name: 'FastSend', data: { RequestId: '0xFB00000080000004', HttpStatus: '200' } },
  { id: 24, name: 'ConnCleanup', data: { ConnectionObj: '0x840C9008' } },
];

/** The typical request as `wevtutil qe /f:xml` writes it: one event per line, no root, lowercase hex. */
export function typicalRequestWevtutil(): string {
  return TYPICAL_REQUEST.map(
    ({ id, data }, i) =>
      `<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><System><Provider Name="Microsoft-Windows-HttpService" Guid="{DD5EF90A-6398-47A4-AD34-4DCECDEF795F}"/><EventID>${id}</EventID><Version>0</Version><Level>4</Level><Task>1</Task><Opcode>0</Opcode><Keywords>0x8000000000000002</Keywords><TimeCreated SystemTime="2007-02-01T19:00:00.${String(i).padStart(7, '0')}Z"/><EventRecordID>${i + 1}</EventRecordID><Correlation/><Execution ProcessID="4" ThreadID="2252"/><Channel>Microsoft-Windows-HttpService/Trace</Channel><Computer>WEB01</Computer><Security/></System><EventData>${Object.entries(data)
        .map(([name, value]) => `<Data Name="${name}">${value.toLowerCase()}</Data>`)
        .join('')}</EventData></Event>`,
  ).join('\r\n');
}
