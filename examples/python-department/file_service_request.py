"""File a service request with the help desk by a signed command on Kafka.

Written from docs/security.md ("Signing a command on Kafka") alone: it signs
the command with an integration client's API key, sends it to
sfp.help-desk.commands, waits for the outcome with the same message id on
sfp.help-desk.outcomes and prints it. Exit status: 0 when the command was
accepted, 1 when it was rejected, 2 on a time-out or a usage error.

Environment:
  SFP_API_KEY        the integration client's key, sfpk_<id>_<secret> (required)
  KAFKA_BROKERS      comma-separated host:port (default 127.0.0.1:9092)
  SFP_CONTEXT        help-desk (default)
  SFP_TIMEOUT_SECONDS  how long to wait for the outcome (default 60)
  SFP_REQUEST_TITLE  the request's title (default: a fixed example title)
"""

import base64
import hashlib
import hmac
import json
import os
import re
import sys
import time
import uuid

from kafka import KafkaConsumer, KafkaProducer, TopicPartition

KEY_PATTERN = re.compile(r"^sfpk_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$")


def b64url(data: bytes) -> str:
    """base64url without padding."""
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def parse_api_key(api_key: str) -> tuple[str, str]:
    """sfpk_<16 hex id>_<43-character secret>; the secret may itself contain '_'."""
    match = KEY_PATTERN.match(api_key)
    if not match:
        raise ValueError("SFP_API_KEY is not an SFP API key (sfpk_<16 hex digits>_<43 characters>)")
    return match.group(1), match.group(2)


def sign(api_key: str, topic: str, message_id: str, command_type: str, value: bytes) -> dict:
    """The sfp-key-id and sfp-signature headers of a command whose Kafka value is `value`."""
    key_id, secret = parse_api_key(api_key)
    # The HMAC key: the ASCII text base64url(SHA-256(secret)), not the digest's bytes.
    hmac_key = b64url(hashlib.sha256(secret.encode("utf-8")).digest()).encode("ascii")
    signed = b"\n".join(
        [
            topic.encode("utf-8"),
            message_id.encode("utf-8"),
            command_type.encode("utf-8"),
            b64url(hashlib.sha256(value).digest()).encode("ascii"),
        ]
    )
    signature = b64url(hmac.new(hmac_key, signed, hashlib.sha256).digest())
    return {"sfp-key-id": key_id, "sfp-signature": signature}


def submission(title: str) -> dict:
    return {
        "requester": {
            "name": "Kwame Mensah",
            "email": "kwame.mensah@example.org",
            "origin": "regional-office",
            "organisation": "Regional Office for Africa",
        },
        "title": title,
        "description": "Which microinsurance providers can the programme refer informal workers to?",
        "kind": "referral",
        "themes": ["informal-economy", "microinsurance"],
        "region": "africa",
        "country": "GH",
        "priority": "normal",
    }


def main() -> int:
    api_key = os.environ.get("SFP_API_KEY", "")
    brokers = os.environ.get("KAFKA_BROKERS", "127.0.0.1:9092").split(",")
    context = os.environ.get("SFP_CONTEXT", "help-desk")
    timeout = float(os.environ.get("SFP_TIMEOUT_SECONDS", "60"))
    title = os.environ.get("SFP_REQUEST_TITLE", "Referral of informal workers to microinsurance")
    try:
        parse_api_key(api_key)
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2

    commands, outcomes = f"sfp.{context}.commands", f"sfp.{context}.outcomes"
    command_type = "SubmitServiceRequest"
    message_id = str(uuid.uuid4())
    # Serialise once; sign and send these very bytes.
    value = json.dumps(submission(title), ensure_ascii=False).encode("utf-8")
    headers = {
        "message-id": message_id,
        "command-type": command_type,
        **sign(api_key, commands, message_id, command_type, value),
    }

    # Read the outcomes from their current end before sending, so the outcome
    # cannot be missed; no consumer group (nothing to commit).
    consumer = KafkaConsumer(bootstrap_servers=brokers, enable_auto_commit=False)
    partitions = [TopicPartition(outcomes, p) for p in sorted(consumer.partitions_for_topic(outcomes) or [])]
    if not partitions:
        print(f"error: topic {outcomes} not found on {','.join(brokers)}", file=sys.stderr)
        return 2
    consumer.assign(partitions)
    consumer.seek_to_end(*partitions)
    for partition in partitions:
        consumer.position(partition)

    producer = KafkaProducer(bootstrap_servers=brokers, acks="all")
    producer.send(
        commands,
        key=message_id.encode("utf-8"),
        value=value,
        headers=[(name, text.encode("utf-8")) for name, text in headers.items()],
    ).get(timeout=30)
    producer.flush()
    producer.close()
    print(f"sent {command_type} {message_id} to {commands}", file=sys.stderr)

    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            for records in consumer.poll(timeout_ms=500).values():
                for record in records:
                    record_headers = {name: raw.decode("utf-8", "replace") for name, raw in record.headers or []}
                    if record_headers.get("message-id") != message_id:
                        continue
                    outcome = json.loads(record.value.decode("utf-8"))
                    print(json.dumps(outcome, indent=2))
                    return 0 if outcome.get("status") == "accepted" else 1
    finally:
        consumer.close()
    print(f"error: no outcome for {message_id} on {outcomes} within {timeout:g} s", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
