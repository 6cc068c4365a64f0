"""Record Access Control Point (0x2A52): asking a device for the records in its memory.

Op codes, operators and response codes from Nordic ``RecordAccessControlPointData``
(docs/reference/device-protocols.md 1.5). The station only ever *reads*: it builds "report records"
and "report number of records" requests; it has no encoder for "delete stored records" on
purpose, because a kiosk must never erase a device's memory.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

from devices.codecs.errors import DecodeError

__all__ = [
    "RacpOpCode",
    "RacpOperator",
    "RacpRecordCount",
    "RacpResponse",
    "RacpResponseCode",
    "decode_racp",
    "report_all_records",
    "report_last_record",
    "report_number_of_records",
    "report_records_from_sequence",
]


class RacpOpCode(IntEnum):
    REPORT_STORED_RECORDS = 1
    DELETE_STORED_RECORDS = 2
    ABORT_OPERATION = 3
    REPORT_NUMBER_OF_RECORDS = 4
    NUMBER_OF_RECORDS_RESPONSE = 5
    RESPONSE_CODE = 6


class RacpOperator(IntEnum):
    NULL = 0
    ALL_RECORDS = 1
    LESS_OR_EQUAL = 2
    GREATER_OR_EQUAL = 3
    WITHIN_RANGE = 4
    FIRST_RECORD = 5
    LAST_RECORD = 6


class RacpResponseCode(IntEnum):
    SUCCESS = 1
    OP_CODE_NOT_SUPPORTED = 2
    INVALID_OPERATOR = 3
    OPERATOR_NOT_SUPPORTED = 4
    INVALID_OPERAND = 5
    NO_RECORDS_FOUND = 6
    ABORT_UNSUCCESSFUL = 7
    PROCEDURE_NOT_COMPLETED = 8
    OPERAND_NOT_SUPPORTED = 9


FILTER_SEQUENCE_NUMBER = 0x01


@dataclass(frozen=True, slots=True)
class RacpRecordCount:
    count: int


@dataclass(frozen=True, slots=True)
class RacpResponse:
    request_op_code: int  # kept as int: a device may echo an op code we do not know
    code: RacpResponseCode

    @property
    def ok(self) -> bool:
        return self.code is RacpResponseCode.SUCCESS


def report_all_records() -> bytes:
    return bytes((RacpOpCode.REPORT_STORED_RECORDS, RacpOperator.ALL_RECORDS))


def report_last_record() -> bytes:
    return bytes((RacpOpCode.REPORT_STORED_RECORDS, RacpOperator.LAST_RECORD))


def report_number_of_records() -> bytes:
    return bytes((RacpOpCode.REPORT_NUMBER_OF_RECORDS, RacpOperator.ALL_RECORDS))


def report_records_from_sequence(sequence: int) -> bytes:
    """Records with sequence number >= ``sequence`` (uint16 operand)."""
    if not 0 <= sequence <= 0xFFFF:
        raise ValueError(f"sequence number {sequence} does not fit in uint16")
    return bytes(
        (RacpOpCode.REPORT_STORED_RECORDS, RacpOperator.GREATER_OR_EQUAL, FILTER_SEQUENCE_NUMBER)
    ) + sequence.to_bytes(2, "little")


def decode_racp(payload: bytes) -> RacpRecordCount | RacpResponse:
    """Decode an indication from the RACP (a record count or a response code)."""
    name = "0x2A52 RACP"
    if len(payload) < 2:
        raise DecodeError(f"{name}: payload is {len(payload)} bytes, needs at least 2")
    op_code, operator = payload[0], payload[1]
    if operator != RacpOperator.NULL:
        raise DecodeError(f"{name}: operator must be Null (0) in a response, got {operator}")
    if op_code == RacpOpCode.NUMBER_OF_RECORDS_RESPONSE:
        operand = payload[2:]
        if len(operand) not in (1, 2, 4):
            raise DecodeError(f"{name}: record count must be 1, 2 or 4 bytes, got {len(operand)}")
        return RacpRecordCount(int.from_bytes(operand, "little"))
    if op_code == RacpOpCode.RESPONSE_CODE:
        if len(payload) != 4:
            raise DecodeError(f"{name}: a response code is 4 bytes, got {len(payload)}")
        try:
            code = RacpResponseCode(payload[3])
        except ValueError as exc:
            raise DecodeError(f"{name}: unknown response code {payload[3]}") from exc
        return RacpResponse(payload[2], code)
    raise DecodeError(f"{name}: op code {op_code} is not a response")
