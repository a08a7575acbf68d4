#!/usr/bin/python3
"""The production team template, running, with Rapport (ctest: server_live).

demo-server.sh starts Prosody from prosody-team.cfg.lua (renamed to localhost, free
loopback ports, a self-signed certificate, plain ws:// allowed, data in a temp dir:
nothing else changed), then:

  0. wss: the https port answers a TLS handshake verified against that certificate for
     "localhost" and upgrades /xmpp-websocket to a WebSocket (subprotocol xmpp).
  1. provisioning: `rapport-cli team init` as the template's admin creates both nodes and
     adds the members; run again it changes nothing; a member cannot run it (only admins
     create nodes).
  2. the library: a member publishes an answer, another member's `sync` fetches it, a
     non-member's `sync` says not-member (whitelist); items carry publisher= (the
     template's expose_publisher, read with slixmpp).
  3. the tips feed: a tip posted by one member reaches the other.
  4. chat and history: a message is acked by the server; the sender's *other device* (a
     fresh profile) reads it back from MAM with `history --fetch-older`, and the
     recipient's `sync` fetches it.
  5. a large import (120 answers, about 1.4 MB) goes through the template's rate limit
     over WebSocket, slowed down but complete, and a member's sync gets all of it.
  6. group chat and upload (slixmpp, over c2s): a room on rooms.localhost is created by a
     member, a message in it is in the room's MAM archive (muc_mam); an upload slot from
     upload.localhost takes a PUT and serves the same bytes back; a file over the
     template's 20 MiB limit is refused.
  7. Prosody logged no error and no warning (e.g. a module that failed to load).

  live-test.py --cli PATH/rapport-cli   (or $RAPPORT_CLI)
"""
import argparse
import asyncio
import base64
import http.client
import json
import logging
import os
import re
import select
import shutil
import socket
import ssl
import subprocess
import sys
import tempfile
import time
import urllib.parse
import uuid
import xml.etree.ElementTree as ET

import slixmpp
from slixmpp.xmlstream.handler import Callback
from slixmpp.xmlstream.matcher import MatchXPath

HERE = os.path.dirname(os.path.abspath(__file__))
PASSWORD = "team-pw"
DOMAIN = "localhost"
SERVICE = "pubsub.localhost"
ANSWERS = "urn:rapport:answers:1"
TIPS = "urn:rapport:tips:1"
RESULTS = []


def check(name, ok, detail=""):
    RESULTS.append(bool(ok))
    print(("PASS " if ok else "FAIL ") + name + (f": {detail}" if detail and not ok else ""),
          flush=True)
    return ok


class Cli:
    def __init__(self, cli, ws_url, tmp):
        self.cli, self.ws_url, self.tmp = cli, ws_url, tmp
        self.env = dict(os.environ, RAPPORT_PASSWORD=PASSWORD)

    def run(self, user, *args, profile=None, timeout=120):
        profile = os.path.join(self.tmp, "profile-" + (profile or user))
        cmd = [self.cli, "--profile", profile, "--server", self.ws_url,
               "--jid", f"{user}@{DOMAIN}", *args]
        started = time.monotonic()
        p = subprocess.run(cmd, env=self.env, capture_output=True, text=True, timeout=timeout)
        lines = []
        for line in p.stdout.splitlines():
            try:
                lines.append(json.loads(line))
            except ValueError:
                lines.append({"unparsed": line})
        return p.returncode, lines, p.stderr.strip(), time.monotonic() - started


class Peer(slixmpp.ClientXMPP):
    def __init__(self, jid):
        super().__init__(jid, PASSWORD)
        self.register_plugin("xep_0060")
        self.ready = asyncio.Event()
        self.add_event_handler("session_start", lambda _: self.ready.set())


async def connect(jid, info):
    peer = Peer(jid)
    peer.connect(address=("127.0.0.1", info["c2s_port"]), use_ssl=False,
                 force_starttls=False, disable_starttls=True)
    await asyncio.wait_for(peer.ready.wait(), 20)
    return peer


def q(tag):
    """'{ns}local' from 'ns local'."""
    ns, local = tag.split(" ")
    return "{%s}%s" % (ns, local)


async def xmpp_checks(info):
    """Publisher attribute, group chat with MAM, HTTP upload."""
    alice = await connect(f"alice@{DOMAIN}/live", info)
    try:
        # The template's expose_publisher: items name who published them.
        try:
            got = await alice.plugin["xep_0060"].get_items(SERVICE, ANSWERS, max_items=5)
            items = got.xml.findall(".//" + q("http://jabber.org/protocol/pubsub item"))
            check("pubsub items carry publisher= (expose_publisher)",
                  items and all(i.get("publisher") == f"alice@{DOMAIN}" for i in items),
                  [ET.tostring(i)[:200] for i in items])
        except slixmpp.exceptions.IqError as e:
            check("pubsub items carry publisher= (expose_publisher)", False, e.condition)

        try:
            # Group chat: join (creates the room), make it an instant room, say something.
            room = f"escalations@rooms.{DOMAIN}"
            joined = asyncio.get_running_loop().create_future()
            echoed = asyncio.get_running_loop().create_future()

            def on_presence(p):
                if p["from"].full == f"{room}/alice" and not joined.done():
                    joined.set_result(p)

            def on_groupchat(m):  # slixmpp without its MUC plugin: plain "message" events
                if (m["type"] == "groupchat" and m["from"].full == f"{room}/alice" and m["body"]
                        and not echoed.done()):
                    echoed.set_result(m)

            alice.add_event_handler("presence", on_presence)
            alice.add_event_handler("message", on_groupchat)
            pres = alice.make_presence(pto=f"{room}/alice")
            pres.append(ET.Element(q("http://jabber.org/protocol/muc x")))
            pres.send()
            p = await asyncio.wait_for(joined, 15)
            codes = {s.get("code") for s in p.xml.iter(q("http://jabber.org/protocol/muc#user status"))}
            check("a member creates a room on rooms.localhost", "201" in codes and p["type"] != "error",
                  ET.tostring(p.xml)[:300])
            iq = alice.make_iq_set(ito=room)
            iq.append(ET.fromstring("<query xmlns='http://jabber.org/protocol/muc#owner'>"
                                    "<x xmlns='jabber:x:data' type='submit'/></query>"))
            await iq.send(timeout=15)
            text = "Escalation: printer E1234 at ACME " + uuid.uuid4().hex[:8]
            alice.make_message(mto=room, mbody=text, mtype="groupchat").send()
            await asyncio.wait_for(echoed, 15)

            archived = []
            alice.register_handler(Callback(
                "mam result", MatchXPath("{jabber:client}message/{urn:xmpp:mam:2}result"),
                lambda m: archived.extend(b.text for b in m.xml.iter("{jabber:client}body"))))
            iq = alice.make_iq_set(ito=room)
            iq.append(ET.fromstring("<query xmlns='urn:xmpp:mam:2' queryid='live'/>"))
            fin = await iq.send(timeout=15)
            await asyncio.sleep(0.5)  # results precede <fin/>; give the handler a moment
            check("the room's message is in its MAM archive (muc_mam)",
                  text in archived and fin.xml.find(q("urn:xmpp:mam:2 fin")) is not None,
                  f"{archived!r}")

        except (slixmpp.exceptions.IqError, asyncio.TimeoutError) as e:
            check("group chat with MAM (rooms.localhost)", False, repr(e)[:300])

        try:
            # HTTP upload: a slot, PUT, GET.
            data = ("customer log line\n" * 2000).encode()
            iq = alice.make_iq_get(ito=f"upload.{DOMAIN}")
            iq.append(ET.fromstring(f"<request xmlns='urn:xmpp:http:upload:0' filename='log.txt' "
                                    f"size='{len(data)}' content-type='text/plain'/>"))
            slot = await iq.send(timeout=15)
            put = slot.xml.find(".//" + q("urn:xmpp:http:upload:0 put"))
            get = slot.xml.find(".//" + q("urn:xmpp:http:upload:0 get"))
            headers = {h.get("name"): h.text for h in put.findall(q("urn:xmpp:http:upload:0 header"))}
            headers["Content-Type"] = "text/plain"
            u = urllib.parse.urlsplit(put.get("url"))
            conn = http.client.HTTPConnection(u.hostname, u.port, timeout=15)
            conn.request("PUT", u.path, body=data, headers=headers)
            put_status = conn.getresponse().status
            g = urllib.parse.urlsplit(get.get("url"))
            conn = http.client.HTTPConnection(g.hostname, g.port, timeout=15)
            conn.request("GET", g.path)
            resp = conn.getresponse()
            body = resp.read()
            check("HTTP upload: PUT to the slot, GET returns the same bytes",
                  put_status == 201 and resp.status == 200 and body == data,
                  f"PUT {put_status}, GET {resp.status}, {len(body)} bytes")

            iq = alice.make_iq_get(ito=f"upload.{DOMAIN}")
            iq.append(ET.fromstring("<request xmlns='urn:xmpp:http:upload:0' filename='big.iso' "
                                    f"size='{21 * 1024 * 1024}' content-type='application/octet-stream'/>"))
            try:
                await iq.send(timeout=15)
                check("a file over the 20 MiB limit is refused", False, "a slot was given")
            except slixmpp.exceptions.IqError as e:
                check("a file over the 20 MiB limit is refused", e.condition == "not-acceptable",
                      e.condition)
        except (slixmpp.exceptions.IqError, asyncio.TimeoutError, OSError) as e:
            check("HTTP upload (upload.localhost)", False, repr(e)[:300])
    finally:
        alice.disconnect()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", default=os.environ.get("RAPPORT_CLI"))
    args = ap.parse_args()
    if not args.cli:
        ap.error("--cli or $RAPPORT_CLI is required")
    logging.basicConfig(level=logging.CRITICAL)

    tmp = tempfile.mkdtemp(prefix="rapport-server-live-")
    server = subprocess.Popen([os.path.join(HERE, "demo-server.sh"), os.path.join(tmp, "server"),
                               "--users", "alice,bob,carol", "--password", PASSWORD],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    log = os.path.join(tmp, "server", "prosody.log")
    try:
        ready, _, _ = select.select([server.stdout], [], [], 60)
        line = server.stdout.readline() if ready else ""
        if not line:
            print("FAIL demo-server.sh printed nothing within 60 s")
            return 1
        info = json.loads(line)
        print("server:", line.strip(), flush=True)
        check("the server is the template on loopback (admin from the template)",
              info["admins"] == [f"admin@{DOMAIN}"] and info["pubsub"] == SERVICE)
        # The template's https port (Variant A) with the certificate where https_certificate
        # points: a verified TLS handshake for "localhost", then a WebSocket upgrade on it.
        try:
            ctx = ssl.create_default_context(cafile=info["certificate"])
            with socket.create_connection(("127.0.0.1", info["https_port"]), timeout=10) as raw:
                with ctx.wrap_socket(raw, server_hostname=DOMAIN) as tls:
                    key = base64.b64encode(os.urandom(16)).decode()
                    tls.sendall((f"GET /xmpp-websocket HTTP/1.1\r\nHost: {DOMAIN}\r\n"
                                 "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                                 f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n"
                                 "Sec-WebSocket-Protocol: xmpp\r\n\r\n").encode())
                    status = tls.recv(4096).decode(errors="replace").split("\r\n")[0]
                    version = tls.version()
            check("wss: the https port serves the certificate and upgrades to WebSocket",
                  status.startswith("HTTP/1.1 101"), f"{version}: {status}")
        except (OSError, ssl.SSLError) as e:
            check("wss: the https port serves the certificate and upgrades to WebSocket", False, repr(e))

        cli = Cli(args.cli, info["ws_url"], tmp)
        members = f"alice@{DOMAIN},bob@{DOMAIN}"

        # 1. provisioning
        code, out, err, _ = cli.run("admin", "team", "init", "--service", SERVICE,
                                    "--members", members)
        d = out[-1] if out else {}
        check("team init by the admin creates both nodes and adds the members",
              code == 0 and sorted(d.get("created", [])) == sorted([ANSWERS, TIPS])
              and sorted(d.get("members_added", [])) == sorted(members.split(",")),
              f"exit {code}: {out} {err}")
        code, out, err, _ = cli.run("admin", "team", "init", "--service", SERVICE,
                                    "--members", members)
        d = out[-1] if out else {}
        check("team init again changes nothing",
              code == 0 and d.get("created") == [] and d.get("members_added") == [],
              f"exit {code}: {out} {err}")
        code, out, err, _ = cli.run("alice", "team", "init", "--service", SERVICE,
                                    "--members", f"carol@{DOMAIN}")
        check("a member who is not an admin cannot run team init",
              code != 0 and "only an admin" in err, f"exit {code}: {out} {err}")

        # 2. the library
        body = os.path.join(tmp, "body.md")
        with open(body, "w", encoding="utf-8") as f:
            f.write("Hi {{customer.name|there}}, E1234 means the update did not finish.")
        code, out, err, _ = cli.run("alice", "answers", "add", "--title", "Printer shows E1234",
                                    "--body-file", body, "--tag", "printer")
        answer = out[-1] if out else {}
        check("a member publishes an answer", code == 0 and answer.get("state") == "published",
              f"exit {code}: {out} {err}")
        code, out, err, _ = cli.run("bob", "sync")
        d = out[-1] if out else {}
        check("another member's sync is a member of the library and the tips",
              code == 0 and d.get("library") == "member" and d.get("tips") == "member",
              f"exit {code}: {out} {err}")
        code, out, err, _ = cli.run("bob", "answers", "show", answer.get("id", "-"))
        shown = out[-1] if out else {}
        check("it reads the answer back as published",
              code == 0 and shown.get("title") == "Printer shows E1234"
              and shown.get("author") == f"alice@{DOMAIN}" and shown.get("tags") == ["printer"],
              f"exit {code}: {out} {err}")
        code, out, err, _ = cli.run("carol", "sync")
        d = out[-1] if out else {}
        check("a user who is not a member cannot read the library",
              code == 0 and d.get("library") == "not-member", f"exit {code}: {out} {err}")

        # 3. the tips feed
        tip = os.path.join(tmp, "tip.md")
        with open(tip, "w", encoding="utf-8") as f:
            f.write("Ctrl+K opens the **answer** picker.")
        code, out, err, _ = cli.run("bob", "tips", "post", "--body-file", tip, "--tag", "shortcuts")
        posted = out[-1] if out else {}
        check("a member posts a tip", code == 0 and posted.get("state") == "published",
              f"exit {code}: {out} {err}")
        cli.run("alice", "sync")
        code, out, err, _ = cli.run("alice", "tips", "list")
        check("the other member has it", any(t.get("id") == posted.get("id") and
                                             t.get("author") == f"bob@{DOMAIN}" for t in out),
              f"exit {code}: {out} {err}")

        # 4. chat, MAM
        text = "Hello Bob, can you take ticket 4711? " + uuid.uuid4().hex[:8]
        code, out, err, _ = cli.run("alice", "send", f"bob@{DOMAIN}", text)
        d = out[-1] if out else {}
        check("a message is acknowledged by the server",
              code == 0 and d.get("acked") is True and d.get("queued") is False,
              f"exit {code}: {out} {err}")
        code, out, err, _ = cli.run("alice", "history", f"bob@{DOMAIN}", "--fetch-older", "50",
                                    profile="alice-laptop")
        check("the sender's other device reads it back from the archive (MAM)",
              code == 0 and any(m.get("body") == text and m.get("direction") == "outgoing"
                                and m.get("stanza_id") for m in out),
              f"exit {code}: {out} {err}")
        code, out, err, _ = cli.run("bob", "sync")
        d = out[-1] if out else {}
        fetched = d.get("messages_fetched", 0)
        code2, hist, err2, _ = cli.run("bob", "history", f"alice@{DOMAIN}")
        check("the recipient's sync fetches it",
              code == 0 and fetched >= 1 and any(m.get("body") == text for m in hist),
              f"exit {code}: {out} {err} / {hist} {err2}")

        # 5. a large import through the rate limit (256 kB/s)
        rows = [{"title": f"Answer {i:03d} about the billing export",
                 "body": f"Step {i}: " + ("Open Settings, then Billing, then Export. " * 280),
                 "tags": ["billing", f"case-{i % 7}"]} for i in range(120)]
        path = os.path.join(tmp, "import.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(rows, f)
        size = os.path.getsize(path)
        os.environ["QT_LOGGING_RULES"] = "*.debug=false"
        # rapport-cli stops waiting after 30 s and leaves the rest queued ("pending", sent
        # with the next command); this import may take longer on a busy machine.
        code, out, err, secs = cli.run("alice", "answers", "import", path, "--timeout", "240",
                                       timeout=300)
        if err:
            print("     rapport-cli said: " + err[-2000:], flush=True)
        d = out[-1] if out else {}
        print(f"     import of {len(rows)} answers, {size / 1e6:.2f} MB: {secs:.1f} s", flush=True)
        check("a 120-answer import goes through the rate limit complete",
              code == 0 and d.get("created") == len(rows) and d.get("state") == "published",
              f"exit {code}: {d} {err}")
        code, out, err, _ = cli.run("bob", "sync", timeout=300)
        code, listed, err, _ = cli.run("bob", "answers", "list")
        check("a member's sync gets all 121 answers",
              code == 0 and len([a for a in listed if a.get("state") == "published"]) == 121,
              f"exit {code}: {len(listed)} answers {err}")

        # 6. group chat and upload
        try:
            asyncio.run(xmpp_checks(info))
        except Exception as e:  # a step that broke is a failure, and the rest still runs
            check("group chat, upload and publisher checks ran to the end", False, repr(e))
    finally:
        try:
            server.stdin.close()
            server.wait(20)
        except subprocess.TimeoutExpired:
            server.kill()

    # 7. the log: Prosody's own complaints (the SIGTERM at the end is expected)
    with open(log, encoding="utf-8", errors="replace") as f:
        complaints = [l.rstrip() for l in f
                      if re.search(r"\s(warn|error)\s", l) and "Received SIGTERM" not in l]
    check("Prosody logged no warning or error", not complaints, "\n  " + "\n  ".join(complaints[:20]))
    if RESULTS.count(False) == 0:
        shutil.rmtree(tmp, ignore_errors=True)
    else:
        print(f"(kept {tmp}: Prosody's log, the profiles)")

    failed = RESULTS.count(False)
    print(f"server_live: {len(RESULTS) - failed} passed, {failed} failed")
    return 0 if failed == 0 and RESULTS else 1


if __name__ == "__main__":
    sys.exit(main())
