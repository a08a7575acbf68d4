#!/usr/bin/python3
"""Checks ejabberd-team.yml (ctest: server_ejabberd_config).

Always: the file is valid YAML without duplicate keys (ejabberd reads YAML; PyYAML would
silently keep the last of two equal keys), and it holds what Rapport and the README rely
on: PostgreSQL with the new schema, SCRAM-SHA-256, the WebSocket handler at
/xmpp-websocket over TLS, MAM, carbons, stream management, pubsub sized for a large
library with publisher= on items and admin-only node creation, MUC with MAM, HTTP upload,
no in-band registration, no s2s.

With a real ejabberd 23.01 (EJABBERD_ROOT=DIR where Debian's package is unpacked or
installed, i.e. DIR/usr/sbin/ejabberdctl, and its Erlang dependencies installed): starts
it in the foreground from a temp dir on the template, changed only where one machine
without PostgreSQL needs it (localhost, loopback ports, a test certificate, Mnesia
instead of SQL), and, given --cli (or $RAPPORT_CLI), runs rapport-cli against it: team
init, an answer, a message read back from MAM, a tip. ejabberd is not in
packaging/install-deps.sh (its Debian package starts a system daemon), so without it
this part says SKIPPED.

  check-ejabberd.py [--cli PATH/rapport-cli]
"""
import argparse
import asyncio
import copy
import fnmatch
import json
import logging
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
TEMPLATE = os.path.join(HERE, "ejabberd-team.yml")
RESULTS = []


def check(name, ok, detail=""):
    RESULTS.append(bool(ok))
    print(("PASS " if ok else "FAIL ") + name + (f": {detail}" if detail and not ok else ""),
          flush=True)
    return ok


class StrictLoader(yaml.SafeLoader):
    """Refuses a mapping with the same key twice."""


def _no_duplicates(loader, node, deep=False):
    seen = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark)
        seen.add(key)
    return loader.construct_mapping(node, deep)


StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _no_duplicates)


def static_checks(cfg):
    m = cfg.get("modules", {})
    check("one host", isinstance(cfg.get("hosts"), list) and len(cfg["hosts"]) == 1)
    check("PostgreSQL with the new schema for everything",
          cfg.get("sql_type") == "pgsql" and cfg.get("new_sql_schema") is True
          and cfg.get("default_db") == "sql" and cfg.get("auth_method") == "sql")
    check("SCRAM-SHA-256 passwords",
          cfg.get("auth_password_format") == "scram" and cfg.get("auth_scram_hash") == "sha256")
    ws = [l for l in cfg.get("listen", []) if l.get("module") == "ejabberd_http"
          and l.get("request_handlers", {}).get("/xmpp-websocket") == "ejabberd_http_ws"]
    check("WebSocket at /xmpp-websocket on 5281 over TLS (Rapport's fallback URL)",
          any(l.get("port") == 5281 and l.get("tls") is True for l in ws), ws)
    c2s = [l for l in cfg.get("listen", []) if l.get("module") == "ejabberd_c2s"]
    check("c2s requires STARTTLS", c2s and all(l.get("starttls_required") for l in c2s))
    check("no s2s listener, s2s denied",
          not any(l.get("module") == "ejabberd_s2s_in" for l in cfg.get("listen", []))
          and cfg.get("access_rules", {}).get(cfg.get("s2s_access"), {}) == {"deny": "all"})
    check("no in-band registration", "mod_register" not in m and "mod_register_web" not in m)
    for mod in ("mod_mam", "mod_carboncopy", "mod_stream_mgmt", "mod_pubsub", "mod_muc",
                "mod_http_upload", "mod_ping", "mod_client_state"):
        check(f"{mod} is loaded", mod in m)
    ps = m.get("mod_pubsub", {})
    forced = ps.get("force_node_config", {})
    # ejabberd reads the keys as globs (econf:glob() in 23.01), not regular expressions.
    rapport_nodes = [k for k in forced if fnmatch.fnmatchcase("urn:rapport:answers:1", k)
                     and fnmatch.fnmatchcase("urn:rapport:tips:1", k)]
    check("pubsub: at least 100,000 items a node",
          isinstance(ps.get("max_items_node"), int) and ps["max_items_node"] >= 100000)
    check("pubsub: the team nodes keep every item and name the publisher",
          rapport_nodes and all(forced[k].get("itemreply") == "publisher"
                                and forced[k].get("max_items", 0) >= 100000 for k in rapport_nodes),
          forced)
    check("pubsub: only admins create nodes",
          cfg.get("access_rules", {}).get(ps.get("access_createnode")) == {"allow": "admin"})
    check("pubsub and MAM in SQL", ps.get("db_type") == "sql" and m.get("mod_mam", {}).get("db_type") == "sql")
    check("rooms are archived", m.get("mod_muc", {}).get("default_room_options", {}).get("mam") is True)
    check("stream management resumes for 10 minutes",
          m.get("mod_stream_mgmt", {}).get("resume_timeout") == 600)
    check("an admin ACL", cfg.get("acl", {}).get("admin", {}).get("user"))


def free_ports(n):
    socks = [socket.socket() for _ in range(n)]
    for s in socks:
        s.bind(("127.0.0.1", 0))
    ports = [s.getsockname()[1] for s in socks]
    for s in socks:
        s.close()
    return ports


def loopback_copy(cfg, tmp, ports):
    """The template for one machine without PostgreSQL: what changes, and only that."""
    c2s, https, http, dist, closed = ports
    t = copy.deepcopy(cfg)
    t["hosts"] = ["localhost"]
    t["certfiles"] = [os.path.join(tmp, "cert.pem")]
    # The sql_* options stay, so that ejabberd validates them, but nothing uses SQL: no
    # connection is opened (a closed loopback port, in case one were).
    t["sql_server"] = "127.0.0.1"
    t["sql_port"] = closed
    t["default_db"] = "mnesia"
    t["auth_method"] = "internal"
    t["loglevel"] = "info"
    t["acl"]["admin"]["user"] = ["admin@localhost"]
    for l in t["listen"]:
        l["ip"] = "127.0.0.1"
        if l["module"] == "ejabberd_c2s":
            l["port"] = c2s
            # Plain TCP for scripts on loopback; the WebSocket below is what is tested.
            l["starttls_required"] = False
        elif l.get("tls"):
            l["port"] = https
        else:
            l["port"] = http
            l["request_handlers"]["/upload"] = "mod_http_upload"
    for mod in ("mod_mam", "mod_pubsub"):
        t["modules"][mod]["db_type"] = "mnesia"
    up = t["modules"]["mod_http_upload"]
    up["put_url"] = f"http://127.0.0.1:{http}/upload"
    up["docroot"] = os.path.join(tmp, "upload")
    return t


def live_check(cfg, root, cli):
    ctl_src = os.path.join(root, "usr/sbin/ejabberdctl")
    libs = os.path.join(root, "usr/lib/x86_64-linux-gnu")
    tmp = tempfile.mkdtemp(prefix="rapport-ejabberd-")
    ports = free_ports(5)
    c2s, https, http, dist, _ = ports
    test_cfg = loopback_copy(cfg, tmp, ports)
    with open(os.path.join(tmp, "ejabberd.yml"), "w") as f:
        yaml.safe_dump(test_cfg, f, sort_keys=False)
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                    "-subj", "/CN=localhost", "-addext",
                    "subjectAltName=DNS:localhost,DNS:pubsub.localhost,DNS:rooms.localhost,DNS:upload.localhost",
                    "-keyout", os.path.join(tmp, "key.pem"), "-out", os.path.join(tmp, "crt.pem")],
                   check=True, capture_output=True)
    with open(os.path.join(tmp, "cert.pem"), "w") as out:
        for part in ("crt.pem", "key.pem"):
            out.write(open(os.path.join(tmp, part)).read())
    # ejabberdctl as Debian ships it, run as the current user from this dir.
    ctl = os.path.join(tmp, "ejabberdctl")
    text = open(ctl_src).read()
    text = text.replace("INSTALLUSER=ejabberd", "INSTALLUSER=")
    text = re.sub(r"^ERL_LIBS=.*$", f"ERL_LIBS='{libs}'", text, flags=re.M)
    open(ctl, "w").write(text)
    os.chmod(ctl, 0o755)
    with open(os.path.join(tmp, "ejabberdctl.cfg"), "w") as f:
        f.write(f"ERLANG_NODE=rapport{dist}@localhost\nINET_DIST_INTERFACE=127.0.0.1\n"
                f"ERL_DIST_PORT={dist}\nEXEC_CMD=as_current_user\n")
    shutil.copy(os.path.join(root, "etc/ejabberd/inetrc"), os.path.join(tmp, "inetrc"))
    os.makedirs(os.path.join(tmp, "db"))
    os.makedirs(os.path.join(tmp, "logs"))
    os.makedirs(os.path.join(tmp, "upload"))
    env = dict(os.environ, HOME=tmp)
    base = [ctl, "--config-dir", tmp, "--ctl-config", os.path.join(tmp, "ejabberdctl.cfg"),
            "--spool", os.path.join(tmp, "db"), "--logs", os.path.join(tmp, "logs")]
    log = open(os.path.join(tmp, "foreground.log"), "w")
    server = subprocess.Popen(base + ["foreground"], env=env, stdout=log, stderr=subprocess.STDOUT,
                              stdin=subprocess.DEVNULL, start_new_session=True)
    try:
        ready = False
        for _ in range(300):
            if server.poll() is not None:
                break
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{http}/xmpp-websocket", timeout=1) as r:
                    ready = True
            except urllib.error.HTTPError:
                ready = True  # it answers (ejabberd_http_ws wants an Upgrade)
            except OSError:
                pass
            if ready:
                break
            time.sleep(0.2)
        ejlog = os.path.join(tmp, "logs", "ejabberd.log")
        tail = open(ejlog).read()[-3000:] if os.path.exists(ejlog) else open(log.name).read()[-3000:]
        if not check("ejabberd 23.01 starts on the template (Mnesia instead of SQL, loopback)", ready, tail):
            return
        for user in ("admin", "alice", "bob", "carol"):
            r = subprocess.run(base + ["register", user, "localhost", "team-pw"], env=env,
                               capture_output=True, text=True, timeout=60)
            if not check(f"ejabberdctl register {user}", r.returncode == 0, r.stdout + r.stderr):
                return
        errors = [l for l in open(ejlog) if "[error]" in l or "[critical]" in l]
        check("ejabberd logged no error at start-up (every option and module accepted)",
              not errors, "".join(errors[:10]))
        if cli:
            rapport_checks(cli, f"ws://127.0.0.1:{http}/xmpp-websocket", tmp)
            try:
                asyncio.run(node_checks(c2s))
            except Exception as e:
                check("the team nodes as ejabberd made them (slixmpp)", False, repr(e))
            errors = [l for l in open(ejlog) if "[error]" in l or "[critical]" in l]
            check("ejabberd logged no error while Rapport used it", not errors, "".join(errors[:10]))
    finally:
        # The whole process group (ejabberdctl and the Erlang VM), until it is gone.
        try:
            os.killpg(server.pid, signal.SIGTERM)
            deadline = time.monotonic() + 20
            while time.monotonic() < deadline:
                server.poll()
                os.killpg(server.pid, 0)  # ProcessLookupError once nothing is left
                time.sleep(0.2)
            os.killpg(server.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        server.wait()
        # epmd is not started (ERL_DIST_PORT); nothing else is left behind.
        if RESULTS.count(False) == 0:
            shutil.rmtree(tmp, ignore_errors=True)
        else:
            print(f"(kept {tmp} for a look)")


def rapport_checks(cli, ws_url, tmp):
    env = dict(os.environ, RAPPORT_PASSWORD="team-pw")

    def run(user, *args, profile=None):
        p = subprocess.run([cli, "--profile", os.path.join(tmp, "p-" + (profile or user)),
                            "--server", ws_url, "--jid", f"{user}@localhost", *args],
                           env=env, capture_output=True, text=True, timeout=120)
        lines = [json.loads(l) for l in p.stdout.splitlines() if l.startswith("{")]
        return p.returncode, lines, p.stderr.strip()

    code, out, err = run("admin", "team", "init", "--service", "pubsub.localhost",
                         "--members", "alice@localhost,bob@localhost")
    d = out[-1] if out else {}
    check("rapport-cli team init by the admin", code == 0 and len(d.get("created", [])) == 2,
          f"exit {code}: {out} {err}")
    code, out, err = run("alice", "team", "init", "--service", "pubsub.localhost",
                         "--members", "carol@localhost")
    check("team init by a member is refused (access_createnode)", code != 0, f"exit {code}: {out} {err}")
    body = os.path.join(tmp, "body.md")
    open(body, "w").write("Hi {{customer.name|there}}, restart the router.")
    code, out, err = run("alice", "answers", "add", "--title", "Router restart", "--body-file", body)
    answer = out[-1] if out else {}
    check("a member publishes an answer", code == 0 and answer.get("state") == "published",
          f"exit {code}: {out} {err}")
    code, out, err = run("bob", "sync")
    d = out[-1] if out else {}
    check("another member's sync is a member and fetches it",
          code == 0 and d.get("library") == "member", f"exit {code}: {out} {err}")
    code, out, err = run("bob", "answers", "show", answer.get("id", "-"))
    check("it reads back", code == 0 and out and out[-1].get("title") == "Router restart",
          f"exit {code}: {out} {err}")
    code, out, err = run("carol", "sync")
    d = out[-1] if out else {}
    check("a non-member cannot read the library", code == 0 and d.get("library") == "not-member",
          f"exit {code}: {out} {err}")
    open(body, "w").write("Ctrl+K opens the answer picker.")
    code, out, err = run("bob", "tips", "post", "--body-file", body)
    tip = out[-1] if out else {}
    run("alice", "sync")
    code, out, err = run("alice", "tips", "list")
    check("a tip reaches the other member (its publisher checked)",
          any(t.get("id") == tip.get("id") and t.get("author") == "bob@localhost" for t in out),
          f"exit {code}: {out} {err}")
    code, out, err = run("alice", "send", "bob@localhost", "ticket 4711 is yours")
    check("a message is acked", code == 0 and out and out[-1].get("acked") is True, f"{out} {err}")
    code, out, err = run("alice", "history", "bob@localhost", "--fetch-older", "20", profile="alice2")
    check("the sender's other device reads it from MAM",
          code == 0 and any(m.get("body") == "ticket 4711 is yours" for m in out), f"exit {code}: {out} {err}")


async def node_checks(c2s_port):
    """What force_node_config did to the nodes team init made, read with slixmpp."""
    import slixmpp
    logging.basicConfig(level=logging.CRITICAL)

    async def connect(jid):
        peer = slixmpp.ClientXMPP(jid, "team-pw")
        peer.register_plugin("xep_0060")
        ready = asyncio.Event()
        peer.add_event_handler("session_start", lambda _: ready.set())
        peer.connect(address=("127.0.0.1", c2s_port), use_ssl=False, force_starttls=False,
                     disable_starttls=True)
        await asyncio.wait_for(ready.wait(), 20)
        return peer

    alice = await connect("alice@localhost/check")
    admin = await connect("admin@localhost/check")
    try:
        got = await alice.plugin["xep_0060"].get_items("pubsub.localhost", "urn:rapport:answers:1")
        items = got.xml.findall(".//{http://jabber.org/protocol/pubsub}item")
        check("items carry publisher= (itemreply: publisher)",
              items and all(i.get("publisher", "").startswith("alice@localhost") for i in items),
              [i.attrib for i in items])
        conf = await admin.plugin["xep_0060"].get_node_config("pubsub.localhost", "urn:rapport:answers:1")
        fields = {f.get("var"): [v.text for v in f.findall("{jabber:x:data}value")]
                  for f in conf.xml.iter("{jabber:x:data}field")}
        check("the answers node keeps 100,000 items, whitelist, publishers publish",
              fields.get("pubsub#max_items") == ["100000"]
              and fields.get("pubsub#access_model") == ["whitelist"]
              and fields.get("pubsub#publish_model") == ["publishers"],
              {k: v for k, v in fields.items() if k in ("pubsub#max_items", "pubsub#access_model",
                                                        "pubsub#publish_model", "pubsub#itemreply")})
    finally:
        alice.disconnect()
        admin.disconnect()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", default=os.environ.get("RAPPORT_CLI"))
    ap.add_argument("--template", default=TEMPLATE, help="another file to check")
    args = ap.parse_args()
    try:
        cfg = yaml.load(open(args.template), Loader=StrictLoader)
    except yaml.YAMLError as e:
        check("ejabberd-team.yml is valid YAML without duplicate keys", False, str(e))
        return 1
    check("ejabberd-team.yml is valid YAML without duplicate keys", isinstance(cfg, dict))
    static_checks(cfg)

    root = os.environ.get("EJABBERD_ROOT", "/")
    if os.path.exists(os.path.join(root, "usr/sbin/ejabberdctl")):
        live_check(cfg, root, args.cli)
    else:
        print("SKIPPED the run on a real ejabberd: no ejabberd here (EJABBERD_ROOT=DIR with "
              "Debian's ejabberd unpacked in DIR runs it; see README.md)")
    failed = RESULTS.count(False)
    print(f"server_ejabberd_config: {len(RESULTS) - failed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
