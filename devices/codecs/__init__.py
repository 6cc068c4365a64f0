"""Sans-IO codecs: bytes in, typed measurements out. No I/O, no clock, no globals."""
