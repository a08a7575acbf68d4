#!/usr/bin/python3
"""Interop: the tips feed's wire format (core/feed/README.md) with a third-party client
(slixmpp), through a Prosody this test starts.

  1. slixmpp posts a tip, comments on it and likes it (twice: one item per person), in the
     documented layout; rapport-cli sync stores them: one tip, one comment, one like.
  2. Items that break the rules (a blank body, a comment without its prefix, a like under
     another person's item id) and a like published in someone else's name (the service
     names the publisher) are ignored; sync still exits 0.
  3. A tip, comment and like made with rapport-cli read correctly in slixmpp, and an unlike
     replaces the like under the same item id.
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
NODE = "urn:rapport:tips:1"
NS = "urn:rapport:tip:1"
SERVICE = "pubsub.localhost"
RESULTS = []


def check(name, ok, detail=""):
    RESULTS.append(ok)
    print(("PASS " if ok else "FAIL ") + name + (f": {detail}" if detail and not ok else ""), flush=True)


def tip_xml(body, author="slix@localhost", tags=("shortcuts",)):
    tags_xml = "".join(f"<tag>{t}</tag>" for t in tags)
    return ET.fromstring(f"<tip xmlns='{NS}'><body>{body}</body>{tags_xml}<author>{author}</author>"
                         f"<published>2026-11-27T09:15:00Z</published><later-field/></tip>")


def comment_xml(tip, body, author="slix@localhost"):
    return ET.fromstring(f"<comment xmlns='{NS}' tip='{tip}'><body>{body}</body>"
                         f"<author>{author}</author><published>2026-11-27T09:20:00Z</published>"
                         f"</comment>")


def like_xml(tip, by, element="like", at="2026-11-27T09:21:00Z"):
    return ET.fromstring(f"<{element} xmlns='{NS}' tip='{tip}' by='{by}' at='{at}'/>")


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

    fixture = subprocess.Popen([args.fixture, "--users", "admin,rapport,slix",
                                "--password", PASSWORD, "--admin", "admin@localhost"],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    profile = tempfile.mkdtemp(prefix="rapport-tips-interop-")
    try:
        info = json.loads(fixture.stdout.readline())
        env = dict(os.environ, RAPPORT_PASSWORD=PASSWORD, RAPPORT_PROFILE=profile)
        as_admin = [args.cli, "--server", info["ws_url"], "--jid", "admin@localhost"]
        as_rapport = [args.cli, "--server", info["ws_url"], "--jid", "rapport@localhost"]
        code, lines, err = await run(as_admin, env, "team", "init", "--service", SERVICE,
                                     "--members", "rapport@localhost,slix@localhost")
        check("team init creates the tips node", code == 0 and lines and
              NODE in lines[0]["created"], err + repr(lines))
        slix = await connect("slix@localhost/interop", info)
        ps = slix.plugin["xep_0060"]

        # 1. a tip, a comment and a like (published twice) from slixmpp
        tip = str(uuid.uuid4())
        comment = str(uuid.uuid4())
        await ps.publish(SERVICE, NODE, id=tip, payload=tip_xml("Ctrl+K opens the **picker**. 你好"))
        await ps.publish(SERVICE, NODE, id=f"comment-{comment}",
                         payload=comment_xml(tip, "And Ctrl+Shift+K."))
        for _ in range(2):
            await ps.publish(SERVICE, NODE, id=f"like-{tip}-slix@localhost",
                             payload=like_xml(tip, "slix@localhost"))
        # 2. items that break the rules, and a like in someone else's name
        bad_tip = str(uuid.uuid4())
        await ps.publish(SERVICE, NODE, id=bad_tip, payload=tip_xml("   "))
        bad_comment = str(uuid.uuid4())
        await ps.publish(SERVICE, NODE, id=bad_comment, payload=comment_xml(tip, "no prefix"))
        await ps.publish(SERVICE, NODE, id=f"like-{tip}-slix@localhost-2",
                         payload=like_xml(tip, "slix@localhost"))
        await ps.publish(SERVICE, NODE, id=f"like-{tip}-admin@localhost",
                         payload=like_xml(tip, "admin@localhost"))
        forged_tip = str(uuid.uuid4())
        await ps.publish(SERVICE, NODE, id=forged_tip,
                         payload=tip_xml("Written by admin, really", author="admin@localhost"))

        code, lines, err = await run(as_rapport, env, "sync")
        check("rapport-cli sync exits 0 despite bad items", code == 0, err)
        check("sync reports the tips membership", lines and lines[0].get("tips") == "member",
              repr(lines))
        code, listed, err = await run(as_rapport, env, "tips", "list")
        by_id = {t["id"]: t for t in listed}
        t = by_id.get(tip, {})
        check("the tip is stored intact", t.get("body") == "Ctrl+K opens the **picker**. 你好"
              and t.get("author") == "slix@localhost" and t.get("tags") == ["shortcuts"]
              and t.get("published") == "2026-11-27T09:15:00Z", repr(t))
        check("one like: published twice, counted once; the forged ones ignored",
              t.get("likes") == 1, repr(t))
        check("one comment: the one without its prefix ignored", t.get("comments") == 1, repr(t))
        check("a blank tip is ignored", bad_tip not in by_id, repr(list(by_id)))
        check("a tip in someone else's name is ignored", forged_tip not in by_id,
              repr(list(by_id)))
        code, shown, err = await run(as_rapport, env, "tips", "show", tip)
        comments = shown[0].get("comment_list", []) if shown else []
        check("the comment reads back", len(comments) == 1 and comments[0]["id"] == comment
              and comments[0]["body"] == "And Ctrl+Shift+K.", repr(comments))

        # 3. rapport -> slixmpp
        body_path = os.path.join(profile, "tip.md")
        with open(body_path, "w", encoding="utf-8") as f:
            f.write("Pin the customer's **last ticket**.")
        code, posted, err = await run(as_rapport, env, "tips", "post", "--body-file", body_path,
                                      "--tag", "tickets")
        check("rapport-cli tips post publishes", code == 0 and posted and
              posted[0]["state"] == "published", err + repr(posted))
        mine = posted[0]["id"] if posted else ""
        code, _, err = await run(as_rapport, env, "tips", "comment", tip, "Nice one")
        check("rapport-cli tips comment exits 0", code == 0, err)
        code, liked, err = await run(as_rapport, env, "tips", "like", tip)
        check("rapport-cli tips like counts two people", code == 0 and liked and
              liked[0]["likes"] == 2, err + repr(liked))
        got = await ps.get_items(SERVICE, NODE, item_ids=[mine, f"like-{tip}-rapport@localhost"])
        items = {i["id"]: i["payload"] for i in got["pubsub"]["items"]}
        p = items.get(mine)
        check("slixmpp reads rapport's tip",
              p is not None and p.tag == "{%s}tip" % NS
              and p.find("{%s}body" % NS).text == "Pin the customer's **last ticket**."
              and p.find("{%s}tag" % NS).text == "tickets"
              and p.find("{%s}author" % NS).text == "rapport@localhost",
              ET.tostring(p).decode() if p is not None else "none")
        like = items.get(f"like-{tip}-rapport@localhost")
        check("slixmpp reads rapport's like", like is not None and like.tag == "{%s}like" % NS
              and like.get("tip") == tip and like.get("by") == "rapport@localhost",
              ET.tostring(like).decode() if like is not None else "none")
        code, _, err = await run(as_rapport, env, "tips", "unlike", tip)
        got = await ps.get_items(SERVICE, NODE, item_ids=[f"like-{tip}-rapport@localhost"])
        items = list(got["pubsub"]["items"])
        check("an unlike replaces the like under the same item id",
              code == 0 and len(items) == 1 and items[0]["payload"].tag == "{%s}unlike" % NS,
              err)
        all_items = await ps.get_items(SERVICE, NODE)
        comment_items = [i for i in all_items["pubsub"]["items"]
                         if i["payload"] is not None and i["payload"].tag == "{%s}comment" % NS
                         and i["payload"].find("{%s}author" % NS).text == "rapport@localhost"]
        check("slixmpp reads rapport's comment", len(comment_items) == 1
              and comment_items[0]["id"].startswith("comment-")
              and comment_items[0]["payload"].get("tip") == tip, repr(comment_items))
        slix.disconnect()
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
