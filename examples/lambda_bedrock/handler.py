"""AWS Lambda handler: redact the prompt, ask Bedrock, return the redacted answer, log no PHI.

Event: {"prompt": "..."} or an API Gateway proxy event whose JSON body has "prompt".
Environment: MODEL_ID (a Bedrock model or inference profile that supports Converse).
"""

import json
import logging
import os
from typing import Any

import boto3  # type: ignore[import-untyped,unused-ignore]
import phimask
import phimask.bedrock
import phimask.logging

logging.getLogger().setLevel(logging.INFO)
phimask.logging.install()  # the runtime's log handler is on the root logger: redact before it
log = logging.getLogger(__name__)

phimask.default_engine()  # load the engine during the init phase, not on the first request
MODEL_ID = os.environ.get("MODEL_ID", "anthropic.claude-3-haiku-20240307-v1:0")
bedrock = phimask.bedrock.RedactingBedrockClient(boto3.client("bedrock-runtime"))


def handler(event: dict[str, Any], context: object) -> dict[str, Any]:
    body = json.loads(event["body"]) if isinstance(event.get("body"), str) else event
    prompt = body["prompt"]
    log.info("prompt received: %s", prompt)  # the filter redacts it before the handler writes it
    response = bedrock.converse(  # redacts the prompt before sending, and the answer after
        modelId=MODEL_ID,
        messages=[{"role": "user", "content": [{"text": prompt}]}],
        inferenceConfig={"maxTokens": 512},
    )
    answer = phimask.bedrock.converse_text(response)
    log.info("answer: %s (%s tokens)", answer, response["usage"]["totalTokens"])
    return {"statusCode": 200, "headers": {"Content-Type": "application/json"}, "body": json.dumps({"answer": answer})}
