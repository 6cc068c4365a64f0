"""Talking to instruments: transports, sans-IO codecs, simulators, device catalogue."""
