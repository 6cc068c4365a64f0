"""In-process fakes of bleak's client: the product's SimulatedPeripheral with test scripts."""

from __future__ import annotations

from devices.simulators.peripheral import SimulatedPeripheral

FakeBleClient = SimulatedPeripheral


class FakeFactory:
    """Hands out one FakeBleClient per connect attempt, sharing the settings; the first
    ``fail_connects`` clients refuse to connect."""

    def __init__(self, **settings):
        self.settings = settings
        self.clients: list[SimulatedPeripheral] = []

    def __call__(self, address, on_disconnect):
        failures = self.settings.get("fail_connects", 0) - len(self.clients)
        options = {k: v for k, v in self.settings.items() if k != "fail_connects"}
        client = SimulatedPeripheral(
            on_disconnect, fail_connects=1 if failures > 0 else 0, **options
        )
        self.clients.append(client)
        return client
