"""A slow and lossy link: a TCP proxy on 127.0.0.1 that throttles and cuts connections.

:class:`LossyProxy` listens on a free port of 127.0.0.1 and forwards every connection to
``target`` (host, port), running an asyncio loop in a thread of its own. Each direction
of the link has a bandwidth limit in bytes per second shared by all connections (default
8,000 B/s, about 64 kbit/s; ``None`` for no limit) and an optional one-way latency.
Faults: with ``cut_probability`` per ``chunk`` bytes of a stream (a seeded
``random.Random`` decides, and where in the chunk), or once ``cut_request_after`` bytes
from the client (its request) or ``cut_response_after`` bytes from the server (its
response) have passed on one connection, both sides of the connection are closed
abruptly — in the middle of a request or of a response. While ``stalled`` is true nothing
moves but the connections stay open (a link that hangs). The attributes may be changed
while it runs.

``with LossyProxy(("127.0.0.1", port)) as proxy:`` starts it; leaving the block closes
every socket and joins the thread. :attr:`stats` counts connections, bytes delivered each
way and cuts.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
import threading
from dataclasses import dataclass
from types import TracebackType

DEFAULT_RATE = 8_000  # bytes per second each way: ~64 kbit/s
CHUNK = 256


@dataclass
class LinkStats:
    """What went through the link. ``upstream`` is client → server (requests),
    ``downstream`` server → client (responses); only bytes delivered are counted."""

    connections: int = 0
    upstream: int = 0
    downstream: int = 0
    cuts_mid_request: int = 0
    cuts_mid_response: int = 0

    @property
    def cuts(self) -> int:
        return self.cuts_mid_request + self.cuts_mid_response

    @property
    def total(self) -> int:
        return self.upstream + self.downstream


class _Throttle:
    """One direction of the link: a chunk may leave once the previous ones have."""

    def __init__(self, proxy: LossyProxy) -> None:
        self._proxy = proxy
        self._free_at = 0.0

    async def pass_through(self, size: int) -> None:
        rate = self._proxy.rate
        if not rate:
            return
        loop = asyncio.get_running_loop()
        now = loop.time()
        self._free_at = max(now, self._free_at) + size / rate
        await asyncio.sleep(self._free_at - now)


class _Connection:
    """One client connection and its connection to the target."""

    def __init__(self, client: asyncio.StreamWriter, server: asyncio.StreamWriter) -> None:
        self.writers = (client, server)
        self.forwarded = [0, 0]  # bytes delivered: [upstream, downstream]
        self.closed = False

    def cut(self) -> None:
        """Close both sides at once, whatever is in flight."""
        self.closed = True
        for writer in self.writers:
            writer.transport.abort()


class LossyProxy:
    """A throttling, connection-cutting TCP proxy to ``target`` (see the module doc)."""

    def __init__(self, target: tuple[str, int], *, rate: int | None = DEFAULT_RATE,
                 latency: float = 0.0, cut_probability: float = 0.0,
                 cut_request_after: int | None = None, cut_response_after: int | None = None,
                 seed: int = 0, chunk: int = CHUNK) -> None:
        self.target = target
        self.rate = rate
        self.latency = latency
        self.cut_probability = cut_probability
        self.cut_request_after = cut_request_after
        self.cut_response_after = cut_response_after
        self.stalled = False
        self.chunk = chunk
        self.random = random.Random(seed)
        self.stats = LinkStats()
        self.port = 0
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stopping: asyncio.Event | None = None
        self._ready = threading.Event()
        self._thread: threading.Thread | None = None
        self._failure: BaseException | None = None
        self._errors: list[Exception] = []
        self._lock = threading.Lock()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def faults_off(self) -> None:
        """A clean (still throttled) link from now on."""
        self.cut_probability, self.stalled = 0.0, False
        self.cut_request_after = self.cut_response_after = None

    # --- running ------------------------------------------------------------------------
    def start(self) -> LossyProxy:
        self._thread = threading.Thread(target=self._run, name="lossy-proxy", daemon=True)
        self._thread.start()
        if not self._ready.wait(10) or self._failure is not None:
            self.stop()
            raise RuntimeError(f"the proxy did not start: {self._failure!r}")
        return self

    def stop(self) -> None:
        """Close the listener and every connection; wait for the thread to end."""
        loop, stopping = self._loop, self._stopping
        if loop is not None and stopping is not None and not loop.is_closed():
            with contextlib.suppress(RuntimeError):  # the loop closed meanwhile
                loop.call_soon_threadsafe(stopping.set)
        if self._thread is not None:
            self._thread.join(10)
            if self._thread.is_alive():
                raise RuntimeError("the proxy thread did not stop")
            self._thread = None
        if self._errors:
            raise RuntimeError(f"the proxy failed: {self._errors[0]!r}") from self._errors[0]

    def __enter__(self) -> LossyProxy:
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()

    def _run(self) -> None:
        try:
            asyncio.run(self._main())
        except BaseException as failure:  # reported by start()
            self._failure = failure
            self._ready.set()

    async def _main(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._stopping = asyncio.Event()
        throttles = (_Throttle(self), _Throttle(self))
        tasks: set[asyncio.Task[None]] = set()
        connections: set[_Connection] = set()

        async def accept(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            task = asyncio.current_task()
            assert task is not None
            tasks.add(task)
            try:
                await self._serve(reader, writer, throttles, connections)
            except asyncio.CancelledError:  # stopping: the connection is cut already
                pass
            except Exception as failure:  # a fault of the proxy itself: stop() raises it
                self._errors.append(failure)
                writer.transport.abort()
            finally:
                tasks.discard(task)

        server = await asyncio.start_server(accept, "127.0.0.1", 0)
        self.port = server.sockets[0].getsockname()[1]
        self._ready.set()
        try:
            await self._stopping.wait()
        finally:
            server.close()
            await server.wait_closed()
            for connection in list(connections):
                connection.cut()
            for task in list(tasks):
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            await asyncio.sleep(0.05)  # let the closed transports release their sockets

    async def _serve(self, client_reader: asyncio.StreamReader,
                     client_writer: asyncio.StreamWriter,
                     throttles: tuple[_Throttle, _Throttle],
                     connections: set[_Connection]) -> None:
        with self._lock:
            self.stats.connections += 1
        try:
            server_reader, server_writer = await asyncio.open_connection(*self.target)
        except OSError:
            client_writer.transport.abort()
            return
        connection = _Connection(client_writer, server_writer)
        connections.add(connection)
        try:
            results = await asyncio.gather(
                self._direction(connection, client_reader, server_writer, throttles[0], True),
                self._direction(connection, server_reader, client_writer, throttles[1], False),
                return_exceptions=True)
            for result in results:
                if isinstance(result, Exception) and not isinstance(result, OSError):
                    raise result
        finally:
            connections.discard(connection)
            if not connection.closed:
                connection.closed = True
                for writer in connection.writers:
                    writer.close()

    async def _direction(self, connection: _Connection, reader: asyncio.StreamReader,
                         writer: asyncio.StreamWriter, throttle: _Throttle,
                         upstream: bool) -> None:
        """Carry one direction: a reading task queues chunks, this one delivers them."""
        queue: asyncio.Queue[tuple[float, bytes]] = asyncio.Queue()
        reading = asyncio.create_task(self._read(connection, reader, queue))
        try:
            while True:
                arrived, data = await queue.get()
                if not data:
                    if not connection.closed and writer.can_write_eof():
                        writer.write_eof()
                    return
                delay = arrived + self.latency - asyncio.get_running_loop().time()
                if delay > 0:
                    await asyncio.sleep(delay)
                while self.stalled and not connection.closed:
                    await asyncio.sleep(0.02)
                await throttle.pass_through(len(data))
                if connection.closed:
                    return
                data, cut = self._fault(connection, data, upstream)
                if not await self._deliver(connection, writer, data, upstream):
                    return
                if cut:
                    with self._lock:
                        if upstream:
                            self.stats.cuts_mid_request += 1
                        else:
                            self.stats.cuts_mid_response += 1
                    connection.cut()
                    return
        finally:
            reading.cancel()
            await asyncio.gather(reading, return_exceptions=True)

    async def _read(self, connection: _Connection, reader: asyncio.StreamReader,
                    queue: asyncio.Queue[tuple[float, bytes]]) -> None:
        loop = asyncio.get_running_loop()
        while not connection.closed:
            try:
                data = await reader.read(self.chunk)
            except OSError:
                data = b""
            await queue.put((loop.time(), data))
            if not data:
                return

    def _fault(self, connection: _Connection, data: bytes,
               upstream: bool) -> tuple[bytes, bool]:
        """The part of ``data`` to deliver, and whether to cut the connection after it."""
        limit = self.cut_request_after if upstream else self.cut_response_after
        done = connection.forwarded[0 if upstream else 1]
        if limit is not None and done + len(data) >= limit:
            return data[:max(0, limit - done)], True
        if self.cut_probability:
            # One draw per ``chunk``-sized block of the stream, by offset (not by how the
            # reads happen to split it): the same traffic and seed give the same cuts.
            first_block = done + (-done % self.chunk)
            for block in range(first_block, done + len(data), self.chunk):
                if self.random.random() < self.cut_probability:
                    end = min(self.chunk, done + len(data) - block)
                    return data[:block - done + self.random.randrange(end)], True
        return data, False

    async def _deliver(self, connection: _Connection, writer: asyncio.StreamWriter,
                       data: bytes, upstream: bool) -> bool:
        if not data:
            return True
        try:
            writer.write(data)
            await writer.drain()
        except OSError:  # the other side went away: the whole connection goes
            connection.cut()
            return False
        connection.forwarded[0 if upstream else 1] += len(data)
        with self._lock:
            if upstream:
                self.stats.upstream += len(data)
            else:
                self.stats.downstream += len(data)
        return True
