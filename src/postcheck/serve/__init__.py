"""`postcheck serve`: the checker as a page on this machine, for people without a terminal.

The draft never leaves the machine: the server listens on 127.0.0.1 only, refuses any
other Host or Origin (a web page elsewhere cannot reach it through DNS rebinding), keeps
nothing (no cookies, no files, no request log) and serves every byte of the page itself.
"""
