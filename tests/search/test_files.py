"""Index files read with a position per thread (app/search/format.py)."""

from __future__ import annotations

import threading

import pytest

from app.search.format import PositionFreeFile, PositionFreeStructFile

DATA = bytes(range(256)) * 100


@pytest.fixture
def index_file(tmp_path):
    path = tmp_path / "segment.seg"
    path.write_bytes(DATA)
    opened = PositionFreeStructFile(PositionFreeFile.open(str(path)), name="segment.seg")
    yield opened
    if not opened.is_closed:
        opened.close()


def test_reads_at_offsets_and_within_a_part_of_the_file(index_file) -> None:
    assert index_file.get(10, 3) == bytes([10, 11, 12])
    part = index_file.subset(256, 512)
    part.seek(3)
    assert part.read(2) == bytes([3, 4]) and part.tell() == 5
    assert part.read() == DATA[256 + 5 : 256 + 512]  # never past the part's end
    part.seek(-2, 2)
    assert part.read(10) == bytes([254, 255])


def test_threads_seeking_and_reading_one_file_each_read_their_own_bytes(index_file) -> None:
    part = index_file.subset(1024, 2048)
    wrong: list[int] = []

    def reader(start: int) -> None:
        for _ in range(2000):
            part.seek(start)
            if part.read(4) != bytes((start + k) % 256 for k in range(4)):
                wrong.append(start)

    threads = [threading.Thread(target=reader, args=(n * 7,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert wrong == []


def test_a_closed_file_refuses_reads_from_its_parts(index_file) -> None:
    part = index_file.subset(0, 100)
    index_file.close()
    with pytest.raises(ValueError):
        part.read(1)
