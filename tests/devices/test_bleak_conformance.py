"""Conformance canary: the real installed bleak still offers what our fakes imitate.

Mocks satisfy themselves; this test runs against bleak itself, with no mocks, so an upgrade
that renames or reshapes what ``devices/ble/bleak_client.py`` uses fails here first.
"""

from __future__ import annotations

import inspect

import bleak

from devices.ble.bleak_client import BleakClientAdapter


def test_bleak_client_has_what_the_adapter_uses():
    client = bleak.BleakClient
    init = inspect.signature(client.__init__).parameters
    assert "disconnected_callback" in init
    assert "timeout" in init
    for name in ("connect", "disconnect", "start_notify", "write_gatt_char"):
        assert inspect.iscoroutinefunction(getattr(client, name)), name
    assert "response" in inspect.signature(client.write_gatt_char).parameters
    assert isinstance(inspect.getattr_static(client, "is_connected"), property)
    assert isinstance(inspect.getattr_static(client, "services"), property)


def test_adapter_builds_a_real_bleak_client_without_a_radio():
    adapter = BleakClientAdapter("AA:BB:CC:DD:EE:FF", lambda: None)
    assert not adapter.is_connected
