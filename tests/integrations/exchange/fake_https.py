"""The fake Graph and the fake identity platform (fake_graph.py) served for real: HTTPS on
127.0.0.1, so a ``satellitkontor`` process of its own reaches them through ``--graph-url`` and
``--authority-url`` (msal accepts only an https authority).

The certificate is made in the test: a CA of its own and a server certificate for 127.0.0.1 signed
by it (the ``cryptography`` package). The process under test trusts the CA through
``SSL_CERT_FILE``, which httpx reads (``trust_env``) and so msal too, as msal talks through the
backend's httpx client. Nothing else is trusted: without it the TLS handshake fails.

Two servers, as in a cloud: Graph at ``https://127.0.0.1:P/v1.0`` and the sign-in service at
``https://127.0.0.1:Q`` (msal asks ``{authority}/{tenant}/v2.0/.well-known/openid-configuration``
first, discovery being off, then posts to the token endpoint that document names).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import ipaddress
import socket
import ssl
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx

from tests.integrations.exchange.fake_graph import FakeGraph
from tests.integrations.exchange.fake_store import FakeExchange


def make_certificates(directory: Path) -> tuple[Path, Path, Path]:
    """(the CA's certificate, the server's certificate, the server's key) as PEM files."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    now = dt.datetime.now(dt.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Satellitkontor test CA")])
    ca = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                key_cert_sign=True,
                crl_sign=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")]))
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.IPAddress(ipaddress.ip_address("127.0.0.1")), x509.DNSName("localhost")]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False
        )
        .sign(ca_key, hashes.SHA256())
    )
    ca_file, cert_file, key_file = (
        directory / "ca.pem",
        directory / "server.pem",
        directory / "server-key.pem",
    )
    ca_file.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return ca_file, cert_file, key_file


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass

    def _any(self) -> None:
        length = int(self.headers.get("Content-Length", "0"))
        body = self.rfile.read(length) if length else b""
        host, port = self.server.server_address[:2]
        request = httpx.Request(
            self.command, f"https://{host}:{port}{self.path}", headers=dict(self.headers), content=body
        )
        try:
            answer = self.server.fake.handle(request)
        except httpx.TransportError:  # the fake's "drop": close without a word
            self.close_connection = True
            with contextlib.suppress(OSError):
                self.connection.shutdown(socket.SHUT_RDWR)
            return
        data = answer.read()
        self.send_response(answer.status_code)
        for name, value in answer.headers.items():
            if name.lower() not in ("content-length", "transfer-encoding", "connection"):
                self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = do_PATCH = do_DELETE = _any


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    fake: FakeGraph


class HttpsFakeGraph:
    """``with HttpsFakeGraph(store, client_id, secret, tmp_path) as cloud:`` ``cloud.graph_url``,
    ``cloud.authority_url``, ``cloud.ca_file``, ``cloud.fake`` (the FakeGraph behind both)."""

    def __init__(
        self, store: FakeExchange, client_id: str, client_secret: str, directory: Path, **fake: Any
    ) -> None:
        self.ca_file, cert, key = make_certificates(directory)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(cert, key)
        self._servers = [_Server(("127.0.0.1", 0), _Handler) for _ in range(2)]
        for server in self._servers:
            server.socket = context.wrap_socket(server.socket, server_side=True)
        graph_port, login_port = (s.server_address[1] for s in self._servers)
        self.graph_url = f"https://127.0.0.1:{graph_port}/v1.0"
        self.authority_url = f"https://127.0.0.1:{login_port}"
        self.fake = FakeGraph(
            store, client_id, client_secret, graph=self.graph_url, login=self.authority_url, **fake
        )
        self._threads = []
        for server in self._servers:
            server.fake = self.fake
            self._threads.append(
                threading.Thread(
                    target=server.serve_forever,
                    kwargs={"poll_interval": 0.05},
                    name="fake-graph-https",
                    daemon=True,
                )
            )

    def __enter__(self) -> HttpsFakeGraph:
        for thread in self._threads:
            thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        for server in self._servers:
            server.shutdown()
            server.server_close()
        for thread in self._threads:
            thread.join(timeout=5)
