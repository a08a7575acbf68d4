#!/usr/bin/python3
"""Seeds a demo team server with the team of team.py (used by packaging/demo-data.sh).

  seed.py history DATA_PATH   before the server starts: weeks of conversations, written
                              into Prosody's own archive storage (storage = "internal")
  seed.py answers OUTDIR      writes OUTDIR/<account>.json: each colleague's answers in
                              `rapport-cli answers import` format (for trying it out)
  seed.py team SERVER_JSON PASSWORD
                              sets each account's name in its profile (vCard), and
                              publishes the answer library (200 answers) and the tips
                              feed (tips, comments, likes) as their authors, over XMPP,
                              with their past dates

Why history is written into storage: a message archive (XEP-0313) stamps each message
with the time the server received it, so messages sent now are all "today". Prosody's
internal storage keeps one Lua list file per account (data/<host>/archive/<user>.list),
read afresh at each archive query; this writes exactly what Prosody 0.12 writes there
for a chat message, with past times, before the server starts. Clients then catch up
with it as with any archive.

Answers and tips carry their own dates (`created`/`updated`, `published`; see
core/library/README.md and core/feed/README.md), so they are published as ordinary items
by their authors' accounts, each with the dates it would have had. (`rapport-cli answers
import` would do the publishing too, but as a change made now: 200 answers all "updated
just now" is not what a team's library looks like.)
"""
import asyncio
import json
import logging
import os
import random
import secrets
import sys
import time
import uuid
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import team  # noqa: E402

DAY = 86400


def jid(account):
    return f"{account}@{team.DOMAIN}"


# ---------------------------------------------------------------------------- history

def lua_string(text):
    out = ['"']
    for ch in text:
        code = ord(ch)
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        elif code < 32 or code == 127:
            out.append("\\%03d" % code)
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def lua_value(value, indent=1):
    if isinstance(value, str):
        return lua_string(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    pad = "\t" * indent
    lines = ["{"]
    for item in value.get("_list", []):
        lines.append(f"{pad}{lua_value(item, indent + 1)};")
    for key, item in value.items():
        if key != "_list":
            lines.append(f"{pad}[{lua_string(key)}] = {lua_value(item, indent + 1)};")
    lines.append("\t" * (indent - 1) + "}")
    return "\n".join(lines)


def archive_item(when, sender, recipient, with_jid, body, message_id, resource):
    """One archived chat message, laid out as Prosody's st.preserialize() plus the
    archive's own fields (key, when, with, attr.stamp)."""
    def child(name, xmlns=None, text=None, **attrs):
        attr = dict(attrs)
        if xmlns:
            attr["xmlns"] = xmlns
        node = {"attr": attr, "name": name}
        if text is not None:
            node["_list"] = [text]
        return node
    return {
        "_list": [
            child("body", text=body),
            child("origin-id", "urn:xmpp:sid:0", id=message_id),
            child("request", "urn:xmpp:receipts"),
            child("markable", "urn:xmpp:chat-markers:0"),
        ],
        "with": with_jid,
        "attr": {"to": recipient, "stamp": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(when)),
                 "from": f"{sender}/{resource}", "id": message_id, "type": "chat",
                 "xml:lang": "en"},
        "name": "message",
        # Prosody's keys: 24 characters of URL-safe base64 (util.id.medium).
        "key": secrets.token_urlsafe(18),
        "when": int(when),
    }


def conversation_times(now, rng):
    """A start time for each conversation of team.HISTORY: spread over the past three
    weeks on working days in office hours (UTC), in order, the last one this morning."""
    count = len(team.HISTORY)
    starts = []
    for i in range(count):
        days_ago = round(21 * (count - 1 - i) / (count - 1))
        day = now - days_ago * DAY
        # Weekends are quiet: move to the Friday before.
        weekday = time.gmtime(day).tm_wday
        if weekday >= 5:
            day -= (weekday - 4) * DAY
        midnight = day - day % DAY
        start = midnight + rng.randint(8 * 3600, 15 * 3600)
        starts.append(start)
    # Today's (and any that would be in the future) end well before now.
    starts[-1] = min(starts[-1], now - 3 * 3600)
    for i in range(count - 2, -1, -1):
        starts[i] = min(starts[i], starts[i + 1] - 3600)
    return starts


def write_history(data_path):
    rng = random.Random(6)
    now = time.time()
    archives = {}  # account -> [item]
    messages = 0
    resources = {a: f"rapport-{secrets.token_hex(4)}" for a in team.accounts()}
    for start, (peer, lines) in zip(conversation_times(now, rng), team.HISTORY):
        when = start
        for from_peer, text in lines:
            sender, recipient = (peer, team.ENGINEER) if from_peer else (team.ENGINEER, peer)
            message_id = str(uuid.uuid4())
            for owner, other in ((team.ENGINEER, peer), (peer, team.ENGINEER)):
                archives.setdefault(owner, []).append(archive_item(
                    when, jid(sender), jid(recipient), jid(other), text, message_id,
                    resources[sender]))
            messages += 1
            when += rng.randint(40, 6 * 60)
    folder = os.path.join(data_path, team.DOMAIN, "archive")
    os.makedirs(folder, exist_ok=True)
    for owner, items in archives.items():
        items.sort(key=lambda item: item["when"])
        path = os.path.join(folder, owner + ".list")
        if os.path.exists(path):
            sys.exit(f"seed: {path} exists: history goes into a new server's data only")
        with open(path, "w", encoding="utf-8") as f:
            for item in items:
                f.write("item(" + lua_value(item) + ");\n")
    print(json.dumps({"messages": messages, "conversations": len(team.HISTORY),
                      "peers": len({peer for peer, _ in team.HISTORY})}))


# ---------------------------------------------------------------------------- answers

# Who writes the answers for each product.
PRODUCT_AUTHORS = {"ledger": "maya", "insight": "engineer", "pocket": "tom",
                   "connect": "priya", "sync": "priya", "identity": "tom"}
ANSWER_COUNT = 200


def build_answers():
    rng = random.Random(7)
    now = time.time()
    rows = []
    for title, tags, products, body in team.ANSWERS:
        for key in products.split():
            product = dict(team.PRODUCTS[key], tag=key)
            rows.append({
                "author": PRODUCT_AUTHORS[key],
                "title": title.format(**product),
                "tags": [key, *tags],
                "body": body.format(**product),
            })
    # Every template's first product, then the others in turn, until there are enough.
    rng.shuffle(rows)
    rows = rows[:ANSWER_COUNT]
    for i, row in enumerate(rows):
        # The team lead reviewed and rewrote some of them.
        if i % 9 == 0:
            row["author"] = "lena"
        created = now - rng.randint(30, 400) * DAY
        # Many were touched up since: a while ago, a few of them in the last days.
        updated = created
        if rng.random() < 0.6:
            updated = now - rng.uniform(0.02, 1) ** 2 * (now - created - DAY) - DAY
        row["created"], row["updated"] = stamp(created), stamp(updated)
    return rows


def write_answers(outdir):
    rows = build_answers()
    if len(rows) < ANSWER_COUNT:
        sys.exit(f"seed: only {len(rows)} answers from the templates, {ANSWER_COUNT} needed")
    os.makedirs(outdir, exist_ok=True)
    by_author = {}
    for row in rows:
        row.pop("updated")
        by_author.setdefault(row.pop("author"), []).append(row)
    for author, items in sorted(by_author.items()):
        with open(os.path.join(outdir, author + ".json"), "w", encoding="utf-8") as f:
            json.dump(items, f, ensure_ascii=False, indent=1)
        print(author)


# ---------------------------------------------------------------------------- tips

TIPS_NODE = "urn:rapport:tips:1"
TIP_NS = "urn:rapport:tip:1"
ANSWERS_NODE = "urn:rapport:answers:1"
ANSWER_NS = "urn:rapport:answer:1"


def stamp(when):
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(when))


def text_element(parent, name, text, ns=TIP_NS):
    ET.SubElement(parent, f"{{{ns}}}{name}").text = text


def answer_items():
    """(account, item id, payload) for each answer, oldest change first."""
    items = []
    for row in sorted(build_answers(), key=lambda r: r["updated"]):
        answer = ET.Element(f"{{{ANSWER_NS}}}answer", version="1")
        text_element(answer, "title", row["title"], ANSWER_NS)
        text_element(answer, "body", row["body"], ANSWER_NS)
        for tag in row["tags"]:
            text_element(answer, "tag", tag, ANSWER_NS)
        text_element(answer, "author", jid(row["author"]), ANSWER_NS)
        text_element(answer, "created", row["created"], ANSWER_NS)
        text_element(answer, "updated", row["updated"], ANSWER_NS)
        items.append((row["author"], str(uuid.uuid4()), answer))
    return items


def feed_events():
    """(when, account, item id, payload) for every tip, comment and like, oldest first."""
    rng = random.Random(8)
    now = time.time()
    people = [team.ENGINEER, *team.COLLEAGUES]
    events = []
    count = len(team.TIPS)
    for i, (author, tags, body) in enumerate(team.TIPS):
        # One or two a day over the past five weeks, the newest an hour ago.
        posted = now - 3600 - (count - 1 - i) * 0.7 * DAY - rng.randint(0, 4 * 3600)
        tip_id = str(uuid.uuid4())
        tip = ET.Element(f"{{{TIP_NS}}}tip")
        text_element(tip, "body", body)
        for tag in tags:
            text_element(tip, "tag", tag)
        text_element(tip, "author", jid(author))
        text_element(tip, "published", stamp(posted))
        events.append((posted, author, tip_id, tip))
        others = [p for p in people if p != author]
        # Reactions come within a day or so, and before now.
        window = min(30 * 3600, now - 60 - posted)
        later = lambda: posted + rng.uniform(0.05, 1) * window  # noqa: E731
        for liker in rng.sample(others, rng.randint(0 if i % 5 == 4 else 1, len(others))):
            at = later()
            like = ET.Element(f"{{{TIP_NS}}}like", tip=tip_id, by=jid(liker), at=stamp(at))
            events.append((at, liker, f"like-{tip_id}-{jid(liker)}", like))
        for text in rng.sample(team.TIP_COMMENTS, rng.choice([0, 0, 1, 1, 1, 2, 3])):
            at = later()
            commenter = rng.choice(others)
            comment = ET.Element(f"{{{TIP_NS}}}comment", tip=tip_id)
            text_element(comment, "body", text)
            text_element(comment, "author", jid(commenter))
            text_element(comment, "published", stamp(at))
            events.append((at, commenter, f"comment-{uuid.uuid4()}", comment))
    events.sort(key=lambda e: e[0])
    return events


async def publish_team(server, password):
    import slixmpp  # only this step needs it

    class Author(slixmpp.ClientXMPP):
        def __init__(self, account):
            super().__init__(jid(account) + "/seed", password)
            self.register_plugin("xep_0060")
            self.register_plugin("xep_0054")
            self.ready = asyncio.Event()
            self.add_event_handler("session_start", lambda _: self.ready.set())

    events = feed_events()
    answers = answer_items()
    authors = {}
    # Every account, authors or not: each sets its name in its profile.
    for account in team.accounts():
        client = Author(account)
        # Loopback: the demo server allows sign-in without STARTTLS there.
        client.connect(address=("127.0.0.1", server["c2s_port"]), use_ssl=False,
                       force_starttls=False, disable_starttls=True)
        authors[account] = client
    await asyncio.wait_for(asyncio.gather(*(c.ready.wait() for c in authors.values())), 20)
    service = server.get("pubsub", "pubsub." + team.DOMAIN)

    async def set_name(account):
        xep_0054 = authors[account].plugin["xep_0054"]
        vcard = xep_0054.make_vcard()
        vcard["FN"] = team.full_name(account)
        await xep_0054.publish_vcard(vcard, timeout=60)

    await asyncio.gather(*(set_name(account) for account in authors))

    async def publish(node, batch):
        # Each batch sent at once, not one round trip each; the server keeps their order.
        await asyncio.gather(*(authors[account].plugin["xep_0060"].publish(
            service, node, id=item_id, payload=payload, timeout=120)
            for account, item_id, payload in batch))

    # Tips first, then comments and likes (readers accept them in any order, but a feed
    # reads more naturally in this one). The library alongside: another node.
    await asyncio.gather(
        publish(ANSWERS_NODE, answers),
        publish(TIPS_NODE, [e[1:] for e in events if e[3].tag.endswith("}tip")]))
    await publish(TIPS_NODE, [e[1:] for e in events if not e[3].tag.endswith("}tip")])
    for client in authors.values():
        client.disconnect()
    kinds = [e[3].tag.split("}")[1] for e in events]
    print(json.dumps({"profiles": len(authors), "answers": len(answers),
                      "tips": kinds.count("tip"),
                      "comments": kinds.count("comment"), "likes": kinds.count("like")}))


def main(argv):
    logging.basicConfig(level=logging.CRITICAL)
    if len(argv) == 3 and argv[1] == "history":
        write_history(argv[2])
    elif len(argv) == 3 and argv[1] == "answers":
        write_answers(argv[2])
    elif len(argv) == 4 and argv[1] == "team":
        asyncio.run(publish_team(json.loads(argv[2]), argv[3]))
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
