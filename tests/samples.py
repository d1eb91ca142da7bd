"""Small valid files shared by the loader and CLI tests."""

VALID = """\
id: team-rota
title: Team rota
sections:
  - title: Basics
    items:
      - id: first
        text: I did the first thing.
"""

ANTIPATTERN = """\
kind: antipattern
id: hero-culture
title: Hero culture
summary: One person does everything.
symptoms: [Always the same name.]
instead: [Share the load.]
"""
