#!/usr/bin/python3
"""The demo customer: Dana (customer@localhost) writes to the demo engineer now and then.

  customer_bot.py SERVER_JSON PASSWORD [--first-delay S] [--every MIN-MAX]

Online with presence, she "types" (XEP-0085 chat states) for a few seconds before each
message, acknowledges the engineer's messages (XEP-0184 receipts) and thanks them for an
answer. Her questions match answers of the demo library, so the app's reply suggestions
have something to show. Prints one JSON line per message she sends; exits when the
server goes away or on SIGTERM/SIGINT.
"""
import argparse
import asyncio
import json
import logging
import os
import random
import signal
import sys

import slixmpp

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import team  # noqa: E402


class Customer(slixmpp.ClientXMPP):
    def __init__(self, account, password, engineer):
        super().__init__(f"{account}@{team.DOMAIN}/phone", password)
        self.engineer = engineer
        for plugin in ("xep_0085", "xep_0184", "xep_0199"):
            self.register_plugin(plugin)
        self.ready = asyncio.Event()
        self.gone = asyncio.Event()
        self.answered = asyncio.Event()
        self.add_event_handler("session_start", self.on_start)
        self.add_event_handler("disconnected", lambda _: self.gone.set())
        self.add_event_handler("message", self.on_message)

    def on_start(self, _):
        self.send_presence()
        self.ready.set()

    def on_message(self, msg):
        if msg["type"] in ("chat", "normal") and msg["body"] and \
                msg["from"].bare == self.engineer:
            self.answered.set()

    def chat_state(self, state):
        msg = self.make_message(mto=self.engineer, mtype="chat")
        msg["chat_state"] = state
        msg.send()

    async def say(self, text, rng):
        self.chat_state("composing")
        await asyncio.sleep(min(8.0, 1.5 + len(text) / 25) * rng.uniform(0.8, 1.2))
        msg = self.make_message(mto=self.engineer, mbody=text, mtype="chat")
        msg["chat_state"] = "active"
        msg["request_receipt"] = True
        msg.send()
        print(json.dumps({"to": self.engineer, "body": text}), flush=True)


async def run(args):
    server = json.loads(args.server)
    rng = random.Random()
    low, high = (float(x) for x in args.every.split("-"))
    bot = Customer("customer", args.password, f"{team.ENGINEER}@{team.DOMAIN}")
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, bot.gone.set)
    bot.connect(address=("127.0.0.1", server["c2s_port"]), use_ssl=False,
                force_starttls=False, disable_starttls=True)
    await asyncio.wait_for(bot.ready.wait(), 20)

    async def talk():
        await asyncio.sleep(args.first_delay)
        lines = list(team.BOT_LINES)
        i = 0
        while True:
            bot.answered.clear()
            await bot.say(lines[i % len(lines)], rng)
            i += 1
            try:
                # An answer within the pause gets a thank-you, then the next question.
                await asyncio.wait_for(bot.answered.wait(), rng.uniform(low, high))
                await asyncio.sleep(rng.uniform(4, 10))
                await bot.say(rng.choice(team.BOT_THANKS), rng)
                await asyncio.sleep(rng.uniform(low / 2, high / 2))
            except asyncio.TimeoutError:
                pass

    talker = asyncio.ensure_future(talk())
    await bot.gone.wait()
    talker.cancel()
    bot.disconnect()


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("server", help="the demo server's JSON line (c2s_port)")
    ap.add_argument("password")
    ap.add_argument("--first-delay", type=float, default=12.0)
    ap.add_argument("--every", default="40-90", help="seconds between questions, MIN-MAX")
    args = ap.parse_args()
    logging.basicConfig(level=logging.CRITICAL)
    try:
        asyncio.run(run(args))
    except asyncio.TimeoutError:
        print("customer_bot: could not sign in as customer@localhost", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
