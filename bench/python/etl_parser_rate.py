"""Throughput of airbus-cert/etl-parser on an ETL file, for bench/etw-read.mjs.

Usage: python3 etl_parser_rate.py <etl-parser checkout> <file.etl>
Prints one JSON line. etl-parser's code is not part of this repository: pass the directory of a fetched
snapshot. It rejects files whose first buffer has SavedOffset 0 (the real capture does): the error is
reported, then the same bytes are parsed with that one field set to the buffer's Offset field (its filled
size), which is what the measured rate is for. Its payload decoder (`Event.parse_etw`) fails with Debian's
construct 2.10 (the error is reported), so the rate covers buffers and records, not field decoding.
"""
import json
import struct
import sys
import time

sys.path.insert(0, sys.argv[1])
from etl.etl import IEtlFileObserver, build_from_stream  # noqa: E402


class Counter(IEtlFileObserver):
    """Counts event records; tries etl-parser's payload decoder on the first one and keeps its error."""

    def __init__(self):
        self.events = 0
        self.decode_error = None

    def on_event_record(self, event):
        if self.events == 0:
            try:
                event.parse_etw()
            except Exception as error:
                self.decode_error = f'{type(error).__name__}: {error}'
        self.events += 1

    def on_trace_record(self, event):
        pass

    def on_perfinfo_trace(self, obj):
        pass

    def on_system_trace(self, obj):
        pass

    def on_win_trace(self, obj):
        pass


def run(data):
    """Parses; returns the counter, CPU seconds of this process and wall seconds."""
    counter = Counter()
    wall = time.perf_counter()
    cpu = time.process_time()
    build_from_stream(data).parse(counter)
    return counter, time.process_time() - cpu, time.perf_counter() - wall


data = open(sys.argv[2], 'rb').read()
result = {'bytes': len(data)}
try:
    counter, seconds, wall_seconds = run(data)
except Exception as error:  # what it does on the file as it is
    result['errorOnOriginal'] = f'{type(error).__name__}: {str(error).splitlines()[0][:200]}'
    patched = bytearray(data)
    struct.pack_into('<I', patched, 4, struct.unpack_from('<I', patched, 48)[0])
    result['patched'] = 'first buffer SavedOffset set to its Offset field'
    counter, seconds, wall_seconds = run(bytes(patched))
result.update(seconds=seconds, wallSeconds=wall_seconds, events=counter.events, payloadDecodeError=counter.decode_error)
print(json.dumps(result))
