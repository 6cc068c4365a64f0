"""Bluetooth LE devices: GATT sessions written against a small client protocol, so the same
logic runs over bleak (``bleak_client.py``) and over in-process fakes in tests."""
