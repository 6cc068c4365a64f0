"""Simulated devices that speak the real Bluetooth byte protocols.

Every packet they produce is real payload bytes that go through the same codecs as a real
device's bytes (``devices.profile_session``); nothing is handed over as a ready-made number.
Every measurement they produce is labelled SIMULATOR by the station.
"""

from devices.simulators.cuff import CuffFault, SimulatedBloodPressureCuff
from devices.simulators.oximeter import OximeterFault, SimulatedPulseOximeter

__all__ = ["CuffFault", "OximeterFault", "SimulatedBloodPressureCuff", "SimulatedPulseOximeter"]
