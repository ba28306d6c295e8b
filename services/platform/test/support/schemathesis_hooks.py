"""Schemathesis hooks of the platform's API conformance runs.

Two query parameters take values that no schema can describe, because only
the server's own state makes them valid:

- `cursor` is opaque: only a cursor the server returned as `nextCursor` for
  the same query means anything, and any other string is refused with 400
  INVALID_QUERY. A generated non-empty string would look schema-valid to the
  tester and its refusal would count as "schema-valid request rejected", so
  such cursors are left out of the generated requests.
- `minPosition` must not be beyond the event store's head (400
  POSITION_BEYOND_HEAD, by design: a read never waits for a write that did not
  happen). A generated position beyond the head the store had when the run
  started (`SFP_CONFORMANCE_HEAD_POSITION`) is left out the same way.

Values that break the documented schema (an empty cursor, a negative or
non-numeric position) are kept, so their refusal is still checked; the paging
and read-your-writes e2e tests check real cursors and positions.
"""

import os

import schemathesis

HEAD_POSITION = int(os.environ.get("SFP_CONFORMANCE_HEAD_POSITION", "0"))


def _is_whole_number(value):
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return True
    return isinstance(value, str) and value.isascii() and value.isdigit()


@schemathesis.hook
def map_case(context, case):
    query = case.query
    if not isinstance(query, dict):
        return case
    cursor = query.get("cursor")
    if isinstance(cursor, str) and cursor != "":
        del query["cursor"]
    position = query.get("minPosition")
    if _is_whole_number(position) and int(position) > HEAD_POSITION:
        del query["minPosition"]
    return case
