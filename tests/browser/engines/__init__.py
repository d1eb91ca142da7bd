"""The core journeys in Firefox and WebKit, driven through Selenium.

A package on purpose: pytest then imports this folder's conftest as
`engines.conftest`, so it does not replace `tests/browser/conftest.py` as the module
`conftest` that the Chromium tests import their helpers from.
"""
