#!/usr/bin/python3
"""Interop: the answer library's wire format (core/library/README.md) with a third-party
client (slixmpp), through a Prosody this test starts.

  1. rapport-cli team init (as the pubsub admin) makes the node; a stranger cannot publish.
  2. slixmpp publishes an answer in the documented payload: rapport-cli sync stores it,
     and answers show prints it intact.
  3. Items that break the rules (no title, a body over 64 KiB, an id that is not a UUID,
     another namespace) are ignored: not stored, nothing else affected, sync exits 0.
  4. An event forged by a user (not the configured service) is ignored while rapport is
     online, and logged.
  5. An answer added with rapport-cli reads correctly in slixmpp.
"""
import argparse
import asyncio
import json
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import uuid
import xml.etree.ElementTree as ET

import slixmpp

PASSWORD = "secret"
NODE = "urn:rapport:answers:1"
NS = "urn:rapport:answer:1"
SERVICE = "pubsub.localhost"
RESULTS = []


def check(name, ok, detail=""):
    RESULTS.append(ok)
    print(("PASS " if ok else "FAIL ") + name + (f": {detail}" if detail and not ok else ""), flush=True)


def answer_xml(title, body, version=1, ns=NS, tags=("printer",)):
    title_xml = f"<title>{title}</title>" if title is not None else ""
    tags_xml = "".join(f"<tag>{t}</tag>" for t in tags)
    return ET.fromstring(
        f"<answer xmlns='{ns}' version='{version}'>{title_xml}<body>{body}</body>{tags_xml}"
        f"<author>slix@localhost</author><created>2026-03-01T10:00:00Z</created>"
        f"<updated>2026-03-02T11:30:00Z</updated><from-a-future-version/></answer>")


class Peer(slixmpp.ClientXMPP):
    def __init__(self, jid):
        super().__init__(jid, PASSWORD)
        self.register_plugin("xep_0060")
        self.ready = asyncio.Event()
        self.add_event_handler("session_start", self.on_start)

    async def on_start(self, _):
        self.send_presence()
        self.ready.set()


async def connect(jid, info):
    peer = Peer(jid)
    peer.connect(address=("127.0.0.1", info["c2s_port"]), use_ssl=False,
                 force_starttls=False, disable_starttls=True)
    await asyncio.wait_for(peer.ready.wait(), 15)
    return peer


async def run(cli, env, *args, timeout=60):
    p = await asyncio.create_subprocess_exec(*cli, *args, env=env, stdout=asyncio.subprocess.PIPE,
                                             stderr=asyncio.subprocess.PIPE)
    out, err = await asyncio.wait_for(p.communicate(), timeout)
    lines = [json.loads(l) for l in out.decode().splitlines() if l.strip()]
    return p.returncode, lines, err.decode()


async def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--fixture", required=True)
    ap.add_argument("--cli", required=True)
    args = ap.parse_args()
    logging.basicConfig(level=logging.CRITICAL)

    fixture = subprocess.Popen([args.fixture, "--users", "admin,rapport,slix,mallory",
                                "--password", PASSWORD, "--admin", "admin@localhost"],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    profile = tempfile.mkdtemp(prefix="rapport-answers-interop-")
    try:
        info = json.loads(fixture.stdout.readline())
        env = dict(os.environ, RAPPORT_PASSWORD=PASSWORD, RAPPORT_PROFILE=profile)
        as_admin = [args.cli, "--server", info["ws_url"], "--jid", "admin@localhost"]
        as_rapport = [args.cli, "--server", info["ws_url"], "--jid", "rapport@localhost"]

        # 1. the team set-up
        code, lines, err = await run(as_admin, env, "team", "init", "--service", SERVICE,
                                     "--members", "rapport@localhost,slix@localhost")
        check("team init exits 0", code == 0, err)
        check("team init creates the answers node", NODE in (lines[0]["created"] if lines else []),
              repr(lines))
        slix = await connect("slix@localhost/interop", info)
        mallory = await connect("mallory@localhost/x", info)
        try:
            await mallory.plugin["xep_0060"].publish(SERVICE, NODE, id=str(uuid.uuid4()),
                                                     payload=answer_xml("spam", "buy"))
            check("a stranger cannot publish", False, "the service accepted it")
        except slixmpp.exceptions.IqError as e:
            check("a stranger cannot publish", e.condition in ("forbidden", "not-authorized"),
                  e.condition)

        # 2. and 3. one valid answer, then items that break the rules
        good = str(uuid.uuid4())
        body = "Hi {{customer.name|there}}, power-cycle it &amp; retry. Grüße, 你好"
        await slix.plugin["xep_0060"].publish(SERVICE, NODE, id=good,
                                              payload=answer_xml("From slixmpp", body))
        bad = {
            "no title": (str(uuid.uuid4()), answer_xml(None, "x")),
            "body over 64 KiB": (str(uuid.uuid4()), answer_xml("Big", "b" * (64 * 1024 + 10))),
            "id not a UUID": ("not-a-uuid", answer_xml("Bad id", "x")),
            "other namespace": (str(uuid.uuid4()), answer_xml("Other", "x", ns="urn:other:1")),
        }
        for name, (item_id, payload) in bad.items():
            await slix.plugin["xep_0060"].publish(SERVICE, NODE, id=item_id, payload=payload)

        code, lines, err = await run(as_rapport, env, "sync")
        check("rapport-cli sync exits 0 despite bad items", code == 0, err)
        check("sync reports membership", lines and lines[0].get("library") == "member", repr(lines))
        code, listed, err = await run(as_rapport, env, "answers", "list")
        ids = {a["id"] for a in listed}
        check("the valid answer is stored", good in ids, repr(listed))
        for name, (item_id, _) in bad.items():
            check(f"an item with {name} is ignored", item_id not in ids, repr(ids))
        code, shown, err = await run(as_rapport, env, "answers", "show", good)
        a = shown[0] if shown else {}
        check("the answer reads back intact",
              a.get("title") == "From slixmpp" and a.get("body") == body.replace("&amp;", "&")
              and a.get("tags") == ["printer"] and a.get("author") == "slix@localhost"
              and a.get("version") == 1 and a.get("state") == "published", repr(a))

        # 4. a forged event from a user, while rapport is online (listen keeps it online)
        listen = await asyncio.create_subprocess_exec(
            *as_rapport, "listen", "--timeout", "6", env=env,
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
        await asyncio.sleep(3)
        forged = str(uuid.uuid4())
        msg = slix.make_message(mto="rapport@localhost", mtype="headline")
        event = ET.fromstring(
            f"<event xmlns='http://jabber.org/protocol/pubsub#event'><items node='{NODE}'>"
            f"<item id='{forged}'/></items></event>")
        event.find("{http://jabber.org/protocol/pubsub#event}items/"
                   "{http://jabber.org/protocol/pubsub#event}item").append(
            answer_xml("Forged", "evil"))
        msg.append(event)
        msg.send()
        _, listen_err = await asyncio.wait_for(listen.communicate(), 30)
        code, listed, err = await run(as_rapport, env, "answers", "list")
        check("a forged event is ignored", forged not in {a["id"] for a in listed}, repr(listed))
        check("the forged event is logged", "ignoring a pubsub event from" in listen_err.decode(),
              listen_err.decode()[-500:])

        # 5. rapport -> slixmpp
        body_path = os.path.join(profile, "body.md")
        with open(body_path, "w", encoding="utf-8") as f:
            f.write("Restart the **router**.")
        code, added, err = await run(as_rapport, env, "answers", "add", "--title", "From Rapport",
                                     "--body-file", body_path, "--tag", "network")
        check("rapport-cli answers add publishes", code == 0 and added and
              added[0]["state"] == "published", err + repr(added))
        new_id = added[0]["id"] if added else ""
        got = await slix.plugin["xep_0060"].get_items(SERVICE, NODE, item_ids=[new_id])
        items = list(got["pubsub"]["items"])
        payload = items[0]["payload"] if items else None
        check("slixmpp reads rapport's answer",
              payload is not None and payload.tag == "{%s}answer" % NS
              and payload.find("{%s}title" % NS).text == "From Rapport"
              and payload.find("{%s}body" % NS).text == "Restart the **router**."
              and payload.get("version") == "1", ET.tostring(payload).decode() if payload is not None else "none")

        slix.disconnect()
        mallory.disconnect()
    finally:
        shutil.rmtree(profile, ignore_errors=True)
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
