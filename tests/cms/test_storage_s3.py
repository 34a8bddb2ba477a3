"""Media on S3-compatible storage, against a real S3 server (moto) on loopback."""

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import boto3
import pytest
from django.core.files.base import ContentFile
from django.test import override_settings

from cms.settings.base import storages_from_env
from procedures.models import ProcedureDocument
from tests.procedures import files

BUCKET = "lckzm-media-test"
CREDENTIALS = {"S3_ACCESS_KEY_ID": "test", "S3_SECRET_ACCESS_KEY": "test"}


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def s3_endpoint():
    """A moto S3 server on 127.0.0.1, started for this module and stopped after it."""
    port = free_port()
    executable = shutil.which("moto_server") or str(Path(sys.executable).parent / "moto_server")
    server = subprocess.Popen(  # noqa: S603 — our own venv's executable, fixed arguments
        [executable, "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "AWS_ACCESS_KEY_ID": "test", "AWS_SECRET_ACCESS_KEY": "test"},
    )
    endpoint = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.1)
    else:
        server.kill()
        pytest.fail("moto_server did not start")
    yield endpoint
    server.terminate()
    server.wait(timeout=10)


@pytest.fixture
def s3_client(s3_endpoint):
    client = boto3.client(
        "s3",
        endpoint_url=s3_endpoint,
        aws_access_key_id="test",
        aws_secret_access_key="test",
        region_name="us-east-1",
    )
    client.create_bucket(Bucket=BUCKET)
    return client


@pytest.fixture
def s3_storages(s3_endpoint, s3_client):
    env = {"S3_BUCKET": BUCKET, "S3_ENDPOINT_URL": s3_endpoint, "S3_REGION": "us-east-1"}
    storages = storages_from_env({**env, **CREDENTIALS})
    storages["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
    with override_settings(STORAGES=storages):
        yield


def test_local_disk_is_the_default():
    assert storages_from_env({})["default"]["BACKEND"].endswith("FileSystemStorage")


def test_s3_is_chosen_by_environment():
    storages = storages_from_env({"S3_BUCKET": "b", "S3_ENDPOINT_URL": "http://127.0.0.1:9"})
    assert storages["default"]["BACKEND"] == "storages.backends.s3.S3Storage"
    assert storages["default"]["OPTIONS"]["bucket_name"] == "b"
    assert storages["default"]["OPTIONS"]["default_acl"] is None  # never public-read


@pytest.mark.s3
@pytest.mark.django_db
def test_document_is_written_to_and_read_from_the_bucket(s3_storages, s3_client):
    document = ProcedureDocument(title="Wniosek o wydanie dowodu osobistego")
    document.file.save("wniosek-dowod.pdf", ContentFile(files.PDF), save=False)
    document.full_clean()
    document.save()

    keys = [item["Key"] for item in s3_client.list_objects_v2(Bucket=BUCKET)["Contents"]]
    assert document.file.name in keys
    body = s3_client.get_object(Bucket=BUCKET, Key=document.file.name)["Body"].read()
    assert body == files.PDF

    # A second app server reads the same object through its own storage instance.
    fresh = ProcedureDocument.objects.get(pk=document.pk)
    with fresh.file.open("rb") as handle:
        assert handle.read() == files.PDF
    assert "X-Amz-Signature" in fresh.file.url  # signed, not a public link


@pytest.mark.s3
@pytest.mark.django_db
def test_file_rule_applies_on_s3_too(s3_storages, s3_client):
    document = ProcedureDocument(title="Program")
    document.file.save("program.pdf", ContentFile(files.WINDOWS_EXECUTABLE), save=False)
    with pytest.raises(Exception, match="nie jest plikiem PDF"):
        document.full_clean()
