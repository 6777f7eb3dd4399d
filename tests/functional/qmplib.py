# SPDX-License-Identifier: GPL-2.0-or-later
"""A QMP client for the functional tests, written only against the wire
protocol (Python's socket and json, no hemu code): test-qmp.py,
test-preconfig.py."""
import json
import socket
import time


class Client:
    """A QMP client: replies and events are told apart by their keys."""

    def __init__(self, family, addr):
        # The socket file may exist a moment before hemu listens on it.
        for attempt in range(50):
            self.sock = socket.socket(family, socket.SOCK_STREAM)
            self.sock.settimeout(5)
            try:
                self.sock.connect(addr)
                break
            except (ConnectionRefusedError, FileNotFoundError):
                self.sock.close()
                if attempt == 49:
                    raise
                time.sleep(0.05)
        self.buf = b''
        self.events = []
        self.greeting = self.recv()

    def recv(self):
        """The next JSON value from the server (may span several lines)."""
        dec = json.JSONDecoder()
        while True:
            text = self.buf.decode('utf-8', 'replace').lstrip()
            if text:
                try:
                    val, end = dec.raw_decode(text)
                    self.buf = text[end:].encode()
                    return val
                except ValueError:
                    pass
            data = self.sock.recv(65536)
            if not data:
                raise EOFError('hemu closed the connection')
            self.buf += data

    def send_raw(self, data):
        self.sock.sendall(data)

    def reply(self):
        """The next reply; events read on the way are kept."""
        while True:
            msg = self.recv()
            if 'event' in msg:
                self.events.append(msg)
            else:
                return msg

    def cmd(self, name, args=None, **extra):
        req = {'execute': name, **extra}
        if args is not None:
            req['arguments'] = args
        self.send_raw(json.dumps(req).encode() + b'\n')
        return self.reply()

    def event(self, name):
        """The first pending event called @name (reading more if needed)."""
        while True:
            for e in self.events:
                if e['event'] == name:
                    self.events.remove(e)
                    return e
            msg = self.recv()
            if 'event' not in msg:
                raise ValueError(f'reply while waiting for {name}: {msg}')
            self.events.append(msg)

    def close(self):
        self.sock.close()
