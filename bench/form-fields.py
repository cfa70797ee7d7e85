#!/usr/bin/env python3
"""Prints the fields of a page's form as name=value lines, for curl --data-urlencode, as a browser would post them.

Usage: form-fields.py PAGE.html HANDLER    (the form whose action contains handler=HANDLER)
"""
import html.parser
import sys


class Form(html.parser.HTMLParser):
    inside = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.inside = f"handler={sys.argv[2]}" in (a.get("action") or "")
        elif tag == "input" and self.inside and a.get("name") and (a.get("type") not in ("checkbox", "radio") or "checked" in a):
            print(f"{a['name']}={a.get('value') or ''}")

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False


Form().feed(open(sys.argv[1], encoding="utf-8").read())
