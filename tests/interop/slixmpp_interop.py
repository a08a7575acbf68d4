#!/usr/bin/python3
"""Interop: a real third-party XMPP client (slixmpp, Debian's python3-slixmpp)
and rapport-cli exchange messages both ways through a Prosody this test starts.

slixmpp speaks plain TCP c2s; rapport-cli speaks XMPP over WebSocket. Checks:
  1. slixmpp -> rapport-cli listen: the body arrives intact (non-ASCII too).
  2. rapport-cli send -> slixmpp: arrives, with origin-id and a receipt request.
  3. slixmpp echoes it back and rapport-cli listen prints the echo.
  4. rapport-cli listen sent a receipt for what slixmpp sent with a request.
"""
import argparse
import asyncio
import json
import logging
import os
import subprocess
import shutil
import sys
import tempfile

import slixmpp

PASSWORD = "secret"
RESULTS = []


def check(name, ok, detail=""):
    RESULTS.append(ok)
    print(("PASS " if ok else "FAIL ") + name + (f": {detail}" if detail and not ok else ""), flush=True)


class Peer(slixmpp.ClientXMPP):
    def __init__(self, jid):
        super().__init__(jid, PASSWORD)
        self.register_plugin("xep_0184")  # receipts
        self.register_plugin("xep_0199")  # ping
        self.plugin["xep_0184"].auto_ack = True
        self.plugin["xep_0184"].auto_request = True
        self.ready = asyncio.Event()
        self.inbox = asyncio.Queue()
        self.receipts = asyncio.Queue()
        self.add_event_handler("session_start", self.on_start)
        self.add_event_handler("message", self.on_message)
        self.add_event_handler("receipt_received", lambda m: self.receipts.put_nowait(m["receipt"]))

    async def on_start(self, _):
        self.send_presence()
        await self.get_roster()
        self.ready.set()

    def on_message(self, msg):
        if msg["type"] in ("chat", "normal") and msg["body"]:
            self.inbox.put_nowait(msg)


async def read_json_lines(stream, out, count):
    while len(out) < count:
        line = await stream.readline()
        if not line:
            return
        out.append(json.loads(line))


async def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--fixture", required=True)
    ap.add_argument("--cli", required=True)
    args = ap.parse_args()
    logging.basicConfig(level=logging.WARNING)

    fixture = subprocess.Popen([args.fixture, "--users", "rapport,slix", "--password", PASSWORD],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        info = json.loads(fixture.stdout.readline())
        profile = tempfile.mkdtemp(prefix="rapport-interop-")
        env = dict(os.environ, RAPPORT_PASSWORD=PASSWORD, RAPPORT_PROFILE=profile)
        cli = [args.cli, "--server", info["ws_url"], "--jid", "rapport@localhost"]

        peer = Peer("slix@localhost/interop")
        peer.connect(address=("127.0.0.1", info["c2s_port"]), use_ssl=False,
                     force_starttls=False, disable_starttls=True)
        await asyncio.wait_for(peer.ready.wait(), 15)

        listen = await asyncio.create_subprocess_exec(
            *cli, "listen", "--count", "2", "--timeout", "60", env=env,
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
        lines = []
        reader = asyncio.ensure_future(read_json_lines(listen.stdout, lines, 2))

        # 1. slixmpp -> rapport (the listener may still be signing in: offline delivery covers it)
        hello = "hello from slixmpp: grüße, 你好"
        peer.send_message(mto="rapport@localhost", mbody=hello, mtype="chat")

        # 2. rapport-cli send -> slixmpp
        send = await asyncio.create_subprocess_exec(
            *cli, "send", "slix@localhost", "hi from rapport", env=env,
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
        out, err = await asyncio.wait_for(send.communicate(), 30)
        check("rapport-cli send exits 0", send.returncode == 0, err.decode())
        got = await asyncio.wait_for(peer.inbox.get(), 15)
        check("slixmpp receives rapport's message", got["body"] == "hi from rapport", got["body"])
        raw = str(got)
        check("rapport's message carries origin-id", "urn:xmpp:sid:0" in raw, raw)
        check("rapport's message requests a receipt", "urn:xmpp:receipts" in raw, raw)
        check("rapport's message is from rapport@localhost", got["from"].bare == "rapport@localhost",
              str(got["from"]))

        # 3. echo back
        peer.send_message(mto=got["from"].bare, mbody="echo: " + got["body"], mtype="chat")
        await asyncio.wait_for(reader, 30)
        await asyncio.wait_for(listen.wait(), 15)
        check("rapport-cli listen exits 0", listen.returncode == 0,
              (await listen.stderr.read()).decode())
        bodies = [l["body"] for l in lines]
        check("rapport-cli listen prints slixmpp's message", hello in bodies, repr(bodies))
        check("rapport-cli listen prints the echo", "echo: hi from rapport" in bodies, repr(bodies))
        check("JSON lines have the documented fields",
              all({"from", "to", "body", "id", "timestamp"} <= set(l) for l in lines), repr(lines))
        check("messages come from slix@localhost",
              all(l["from"].split("/")[0] == "slix@localhost" for l in lines), repr(lines))

        # 4. receipts from rapport for slixmpp's messages (auto_request adds the request)
        try:
            await asyncio.wait_for(peer.receipts.get(), 10)
            check("rapport sends a receipt", True)
        except asyncio.TimeoutError:
            check("rapport sends a receipt", False, "none within 10 s")

        peer.disconnect()
    finally:
        shutil.rmtree(profile, ignore_errors=True) if "profile" in locals() else None
        fixture.stdin.close()
        try:
            fixture.wait(15)
        except subprocess.TimeoutExpired:
            fixture.kill()

    failed = RESULTS.count(False)
    print(f"{len(RESULTS) - failed} passed, {failed} failed")
    return 0 if failed == 0 and RESULTS else 1


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
