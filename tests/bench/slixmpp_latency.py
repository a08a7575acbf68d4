#!/usr/bin/python3
"""The reference figure for bench_latency: send-to-receive latency between two
slixmpp clients (Debian's python3-slixmpp, plain TCP c2s) through the same test
Prosody, one message at a time. Prints p50/p99/max; asserts nothing.

usage: slixmpp_latency.py PROSODY_FIXTURE [COUNT] [--no-archive]
"""
import asyncio
import json
import subprocess
import sys
import time

import slixmpp


class Peer(slixmpp.ClientXMPP):
    def __init__(self, jid):
        super().__init__(jid, "secret")
        self.ready = asyncio.Event()
        self.on_body = None
        self.add_event_handler("session_start", self._start)
        self.add_event_handler("message", lambda m: self.on_body and m["body"] and self.on_body(m))

    async def _start(self, _):
        self.send_presence()
        self.ready.set()


async def main():
    fixture_bin = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 and sys.argv[2].isdigit() else 1000
    extra = ["--no-archive"] if "--no-archive" in sys.argv else []
    fixture = subprocess.Popen([fixture_bin, "--users", "alice,bob", *extra],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        info = json.loads(fixture.stdout.readline())
        alice, bob = Peer("alice@localhost/bench"), Peer("bob@localhost/bench")
        for p in (alice, bob):
            p.connect(address=("127.0.0.1", info["c2s_port"]), use_ssl=False,
                      force_starttls=False, disable_starttls=True)
        await asyncio.wait_for(asyncio.gather(alice.ready.wait(), bob.ready.wait()), 15)
        await asyncio.sleep(0.2)

        samples, warmup, done = [], 50, asyncio.Event()
        sent_at = [0.0]

        def send():
            sent_at[0] = time.perf_counter()
            alice.send_message(mto="bob@localhost", mbody="ping", mtype="chat")

        def received(_):
            nonlocal warmup
            ms = (time.perf_counter() - sent_at[0]) * 1000
            if warmup:
                warmup -= 1
            else:
                samples.append(ms)
            if len(samples) >= count:
                done.set()
            else:
                send()

        bob.on_body = received
        send()
        await asyncio.wait_for(done.wait(), 120)
        samples.sort()
        pct = lambda p: samples[min(len(samples) - 1, int(p * len(samples)))]
        label = " (archiving off)" if extra else ""
        print(f"slixmpp_latency: {len(samples)} messages, slixmpp -> Prosody -> slixmpp over TCP{label}")
        print(f"slixmpp_latency: p50 {pct(0.5):.3f} ms, p99 {pct(0.99):.3f} ms, max {samples[-1]:.3f} ms")
        alice.disconnect()
        bob.disconnect()
    finally:
        fixture.stdin.close()
        fixture.wait(15)


asyncio.run(main())
